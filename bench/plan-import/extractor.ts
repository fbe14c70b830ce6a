/**
 * The import as the route runs it, for the measuring set: an in-memory PGlite database holding the
 * demo province (units, history, groups, accounts), and `extractPlan` of the plan import service
 * (directory snapshot of the caller's province, then the parse worker) called as the demo's
 * coordinator calls POST /api/plan-import/extract.
 */
import { openDatabase } from "../../server/src/app/db";
import { accountActor } from "../../server/src/features/demo/demo.actors";
import { seedDemoProvince } from "../../server/src/features/demo/demo.seed";
import { parsePool } from "../../server/src/features/documents-in/parse-pool";
import { canExtractPlan } from "../../server/src/features/plan-import/plan-import.policy";
import {
  type ExtractPlanResult,
  extractPlan,
} from "../../server/src/features/plan-import/plan-import.service";

export interface Extractor {
  extract(fileName: string, data: Uint8Array): Promise<ExtractPlanResult>;
  close(): Promise<void>;
}

export async function openExtractor(): Promise<Extractor> {
  const database = await openDatabase({ databaseUrl: null, dataDir: null });
  await seedDemoProvince({ database });
  const actor = await accountActor(database.db, "dieuphoi");
  if (!canExtractPlan(actor))
    throw new Error("The demo coordinator may not import plans: the route refuses it too.");
  return {
    extract: (fileName, data) => extractPlan({ db: database.db, actor, file: { fileName, data } }),
    async close() {
      await parsePool().close();
      await database.close();
    },
  };
}
