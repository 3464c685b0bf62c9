// The store contracts, run against PostgreSQL in fresh throwaway schemas.
import { afterAll, describe } from "vitest";
import { describeAccountStoreContract } from "../contract/account-store.contract.js";
import { describeCheckStoreContract } from "../contract/check-store.contract.js";
import { describeCorpusStoreContract } from "../contract/corpus-store.contract.js";
import { describeSnapshotStoreContract } from "../contract/snapshot-store.contract.js";
import { describeStoreTransferContract } from "../contract/store-transfer.contract.js";
import { SKIP_REASON, TEST_DATABASE_URL, testSchemas } from "./testing/test-database.js";

describe.skipIf(!TEST_DATABASE_URL)(`PostgreSQL store contracts${SKIP_REASON}`, () => {
  const schemas = testSchemas();
  afterAll(() => schemas.dropAll());
  const open = () => schemas.open();
  describeCorpusStoreContract("PostgreSQL", open);
  describeCheckStoreContract("PostgreSQL", open);
  describeSnapshotStoreContract("PostgreSQL", open);
  describeStoreTransferContract("PostgreSQL", open);
  describeAccountStoreContract("PostgreSQL", open);
});
