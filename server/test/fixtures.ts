/**
 * Where the tests find their real input files, all inside the repository (a bare clone runs every
 * test): the published results the demo loads, the test-only copies of public data beside them, and
 * the real plan documents kept with core's extraction tests. Each folder has a README with the sources.
 */
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT, PUBLISHED_DATA_DIR } from "../src/app/paths";

/** A published index file the demo loads (server/data/published), e.g. "PCI_2016.xlsx". */
export const publishedPath = (fileName: string) => path.join(PUBLISHED_DATA_DIR, fileName);

/** Public data only the tests use (server/test/fixtures/published), e.g. "papi_subdimensions_2011_2024/2016.csv". */
export const publicFixturePath = (rel: string) =>
  path.join(PROJECT_ROOT, "server", "test", "fixtures", "published", rel);

/** A real plan document as extracted text (core/test/fixtures/plans), e.g. "003_384f955878bb2b4b.txt". */
export const planDocumentPath = (fileName: string) =>
  path.join(PROJECT_ROOT, "core", "test", "fixtures", "plans", fileName);

export const readBytes = (filePath: string) => new Uint8Array(fs.readFileSync(filePath));
