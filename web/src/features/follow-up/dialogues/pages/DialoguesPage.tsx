import { UnderConstruction } from "../../../../components/UnderConstruction";

/** The "dialogues" tab of "Theo dõi, kiểm tra" (issue 17): filled in by its own sub-capability. */
export function DialoguesPage() {
  return <UnderConstruction titleKey="followUp.tabs.dialogues" descriptionKey="followUp.soon" />;
}
