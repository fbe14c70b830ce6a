import { UnderConstruction } from "../../../components/UnderConstruction";

export function IndicesPage() {
  return <UnderConstruction titleKey="nav.indices" descriptionKey="soon.indices" />;
}
