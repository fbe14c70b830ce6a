import { UnderConstruction } from "../../../components/UnderConstruction";

export function ReportsPage() {
  return <UnderConstruction titleKey="nav.reports" descriptionKey="soon.reports" />;
}
