/**
 * The import as the route runs it, for the measuring set: an in-memory PGlite database holding the
 * demo province's directory (units, history, groups; no accounts), and `extractPlan` of the plan
 * import service (directory snapshot, then the parse worker), the function behind
 * POST /api/plan-import/extract and /extract-text.
 */
import { openDatabase } from "../../server/src/app/db";
import { seedDemoProvince } from "../../server/src/features/demo/demo.seed";
import { parsePool } from "../../server/src/features/documents-in/parse-pool";
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
  await seedDemoProvince({ database, users: [] });
  return {
    extract: (fileName, data) => extractPlan({ db: database.db, file: { fileName, data } }),
    async close() {
      await parsePool().close();
      await database.close();
    },
  };
}
