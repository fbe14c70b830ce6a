import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../../server/src/app/db";
import { hashPassword } from "../../server/src/features/auth/password";
import { ensureIndexCatalog } from "../../server/src/features/indices/indices.catalog";
import { BENCH_PASSWORD } from "../accounts";
import { progress } from "../log";
import { datasetFingerprint, repoRoot } from "./fingerprint";
import { insertFollowUp } from "./follow-up";
import { planIndexResults } from "./indices";
import { insertPlan } from "./insert";
import { buildPlan } from "./plan";
import { insertReporting } from "./reporting";
import type { ScaleName } from "./scales";

/** Where the server finds the generated data: the environment to start it with. */
export interface Dataset {
  db: "pglite" | "postgres";
  env: { DATA_DIR: string } | { DATABASE_URL: string };
  generated: boolean;
}

const cacheDir = path.join(repoRoot, "bench/.cache");

async function generateInto({
  scale,
  target,
}: {
  scale: ScaleName;
  target: { databaseUrl: string | null; dataDir: string | null };
}) {
  const started = Date.now();
  progress(`generating ${scale} data…`);
  const plan = buildPlan(scale);
  // One argon2id hash for every account: hashing 40,000 passwords would take minutes.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const indexResults = planIndexResults();
  const database = await openDatabase({ ...target, poolSize: 2 });
  try {
    // Results reference the catalog (versions) and index_provinces: seed them as the server does on start.
    await ensureIndexCatalog({ db: database.db });
    await insertPlan({ database, plan, indexResults, passwordHash });
    // Twelve monthly periods: ~720,000 entries at province scale, ~12,000,000 at national.
    await insertReporting({ database });
    // Inspections, dialogues and initiatives with what they raise (issue 17's volumes).
    await insertFollowUp({ database, scale });
  } finally {
    await database.close();
  }
  progress(
    `generated ${plan.units.length} units, ${plan.users.length} users, ${plan.groups.length} groups, ${indexResults.length} index results (${indexResults.reduce((n, r) => n + r.components.length, 0)} components) in ${Date.now() - started} ms`,
  );
}

/** Title prefix of the plans the plan-issue scenario creates and issues. */
export const SCENARIO_PLAN_PREFIX = "[bench] ";

/**
 * Removes what the plan-issue scenario of an earlier run wrote (issued plans with ~75,000 assignments
 * each), so a cached data set stays the generated one. Assignments have no foreign keys; the plan's
 * tasks, participants and components go with it (on delete cascade).
 */
async function undoScenarioWrites(target: { databaseUrl: string | null; dataDir: string | null }) {
  const database = await openDatabase({ ...target, poolSize: 1 });
  try {
    const plans = await database.query<{ id: string }>("select id from plans where starts_with(title, $1)", [
      SCENARIO_PLAN_PREFIX,
    ]);
    const ids = plans.map((r) => r.id);
    if (!ids.length) return;
    await database.query("delete from task_assignments where plan_id = any($1::uuid[])", [ids]);
    await database.query("delete from plans where id = any($1::uuid[])", [ids]);
    // Dead rows left in the indexes would slow the scenarios that read assignments until autovacuum
    // came by (PGlite has none): reclaim them and refresh statistics now.
    await database.query(
      "vacuum analyze task_assignments, plans, plan_tasks, plan_task_participants, plan_task_components",
    );
    progress(`removed ${ids.length} plans an earlier plan-issue run created`);
  } finally {
    await database.close();
  }
}

async function ensurePglite(scale: ScaleName): Promise<Dataset> {
  const dataDir = path.join(cacheDir, `${scale}-pglite`);
  const metaFile = path.join(cacheDir, `${scale}-pglite.json`);
  const fingerprint = datasetFingerprint();
  const meta = fs.existsSync(metaFile)
    ? (JSON.parse(fs.readFileSync(metaFile, "utf8")) as { fingerprint?: string })
    : {};
  const fresh = fs.existsSync(dataDir) && meta.fingerprint === fingerprint;
  if (!fresh) {
    // The meta file is written last, so an interrupted generation is never mistaken for a complete one.
    fs.rmSync(metaFile, { force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
    await generateInto({ scale, target: { databaseUrl: null, dataDir } });
    fs.writeFileSync(metaFile, JSON.stringify({ fingerprint, generatedAt: new Date().toISOString() }));
  } else {
    progress(`using cached ${dataDir}`);
    await undoScenarioWrites({ databaseUrl: null, dataDir });
  }
  return { db: "pglite", env: { DATA_DIR: dataDir }, generated: !fresh };
}

/** The same server, another database: chiso_bench_<scale>; the maintenance database for create/drop. */
function benchUrls({ databaseUrl, scale }: { databaseUrl: string; scale: ScaleName }) {
  const name = `chiso_bench_${scale}`;
  const admin = new URL(databaseUrl);
  admin.pathname = "/postgres";
  const bench = new URL(databaseUrl);
  bench.pathname = `/${name}`;
  return { name, adminUrl: admin.toString(), benchUrl: bench.toString() };
}

async function withClient<T>({
  url,
  run,
}: {
  url: string;
  run: (client: pg.Client) => Promise<T>;
}): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function storedFingerprint(benchUrl: string): Promise<string | null> {
  return withClient({
    url: benchUrl,
    run: async (client) => {
      const table = await client.query("select to_regclass('public.bench_meta') as t");
      if (!table.rows[0].t) return null;
      const rows = await client.query("select value from bench_meta where key = 'fingerprint'");
      return (rows.rows[0]?.value as string | undefined) ?? null;
    },
  });
}

async function ensurePostgres({
  scale,
  databaseUrl,
}: {
  scale: ScaleName;
  databaseUrl: string;
}): Promise<Dataset> {
  const { name, adminUrl, benchUrl } = benchUrls({ databaseUrl, scale });
  const fingerprint = datasetFingerprint();
  const exists = await withClient({
    url: adminUrl,
    run: async (client) =>
      (await client.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1,
  });
  const fresh = exists && (await storedFingerprint(benchUrl)) === fingerprint;
  if (!fresh) {
    await withClient({
      url: adminUrl,
      run: async (client) => {
        // Identifiers cannot be parameters; the name is ours (scale names are validated).
        await client.query(`drop database if exists ${name} with (force)`);
        await client.query(`create database ${name}`);
      },
    });
    await generateInto({ scale, target: { databaseUrl: benchUrl, dataDir: null } });
    await withClient({
      url: benchUrl,
      run: async (client) => {
        await client.query("create table bench_meta (key text primary key, value text not null)");
        await client.query("insert into bench_meta values ('fingerprint', $1), ('generatedAt', $2)", [
          fingerprint,
          new Date().toISOString(),
        ]);
      },
    });
  } else {
    progress(`using cached database ${name}`);
    await undoScenarioWrites({ databaseUrl: benchUrl, dataDir: null });
  }
  return { db: "postgres", env: { DATABASE_URL: benchUrl }, generated: !fresh };
}

/** Generated data for a scale, reused while the migrations and the generator are unchanged. */
export async function ensureDataset({
  scale,
  databaseUrl,
}: {
  scale: ScaleName;
  databaseUrl: string | null;
}) {
  fs.mkdirSync(cacheDir, { recursive: true });
  return databaseUrl ? ensurePostgres({ scale, databaseUrl }) : ensurePglite(scale);
}
