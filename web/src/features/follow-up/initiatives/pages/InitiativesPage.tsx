import { UnderConstruction } from "../../../../components/UnderConstruction";

/** The "initiatives" tab of "Theo dõi, kiểm tra" (issue 17): filled in by its own sub-capability. */
export function InitiativesPage() {
  return <UnderConstruction titleKey="followUp.tabs.initiatives" descriptionKey="followUp.soon" />;
}
