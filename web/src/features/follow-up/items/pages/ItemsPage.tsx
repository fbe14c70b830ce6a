import { UnderConstruction } from "../../../../components/UnderConstruction";

/** The "items" tab of "Theo dõi, kiểm tra" (issue 17): filled in by its own sub-capability. */
export function ItemsPage() {
  return <UnderConstruction titleKey="followUp.tabs.items" descriptionKey="followUp.soon" />;
}
