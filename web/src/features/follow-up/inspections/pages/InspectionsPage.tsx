import { UnderConstruction } from "../../../../components/UnderConstruction";

/** The "inspections" tab of "Theo dõi, kiểm tra" (issue 17): filled in by its own sub-capability. */
export function InspectionsPage() {
  return <UnderConstruction titleKey="followUp.tabs.inspections" descriptionKey="followUp.soon" />;
}
