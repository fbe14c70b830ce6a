export { readIndexResults } from "./read";
export type {
  ImportError,
  ImportedComponent,
  ImportedProvince,
  IndexResult,
  ReadInput,
  ReadOutcome,
} from "./types";
export { MAX_FILE_BYTES } from "./types";
