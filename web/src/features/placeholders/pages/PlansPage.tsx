import { UnderConstruction } from "../../../components/UnderConstruction";

export function PlansPage() {
  return <UnderConstruction titleKey="nav.plans" descriptionKey="soon.plans" />;
}
