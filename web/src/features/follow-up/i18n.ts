import { i18n } from "../../i18n";
import dialoguesEn from "./dialogues/en.json";
import dialoguesVi from "./dialogues/vi.json";
import enRoot from "./en.json";
import initiativesEn from "./initiatives/en.json";
import initiativesVi from "./initiatives/vi.json";
import inspectionsEn from "./inspections/en.json";
import inspectionsVi from "./inspections/vi.json";
import itemsEn from "./items/en.json";
import itemsVi from "./items/vi.json";
import viRoot from "./vi.json";

/**
 * The words of "Theo dõi, kiểm tra" travel with its pages, not in the shell's bundle: each register
 * keeps its own file (followUp.items…, followUp.inspections…), merged here when the first page of the
 * feature loads.
 */
const bundle = (root: object, parts: Record<string, object>) => ({ followUp: { ...root, ...parts } });
i18n.addResourceBundle(
  "vi",
  "translation",
  bundle(viRoot, {
    items: itemsVi,
    inspections: inspectionsVi,
    dialogues: dialoguesVi,
    initiatives: initiativesVi,
  }),
  true,
  true,
);
i18n.addResourceBundle(
  "en",
  "translation",
  bundle(enRoot, {
    items: itemsEn,
    inspections: inspectionsEn,
    dialogues: dialoguesEn,
    initiatives: initiativesEn,
  }),
  true,
  true,
);
