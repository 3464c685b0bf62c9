// The three store contracts, run against PostgreSQL in fresh throwaway schemas.
import { afterAll, describe } from "vitest";
import { describeCheckStoreContract } from "../contract/check-store.contract.js";
import { describeCorpusStoreContract } from "../contract/corpus-store.contract.js";
import { describeSnapshotStoreContract } from "../contract/snapshot-store.contract.js";
import { TEST_DATABASE_URL, throwawaySchemas } from "./testing/throwaway-schema.js";

const url = TEST_DATABASE_URL;

describe.skipIf(!url)(
  `PostgreSQL store contracts${url ? "" : " (skipped: FACTUALLY_TEST_DATABASE_URL is not set)"}`,
  () => {
    const schemas = throwawaySchemas(url ?? "");
    afterAll(() => schemas.dropAll());
    const open = () => schemas.open();
    describeCorpusStoreContract("PostgreSQL", open);
    describeCheckStoreContract("PostgreSQL", open);
    describeSnapshotStoreContract("PostgreSQL", open);
  },
);
