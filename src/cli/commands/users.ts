// `factually users add | list | disable | reset | token | revoke-token`: the accounts of a
// deployment (opt-in: with no user the service stays open). Passwords and tokens are printed
// once and stored only as hashes.
import { openStores } from "../../assemble/open-stores.js";
import { FactuallyError } from "../../core/errors.js";
import type { AccountStore, Role } from "../../core/interfaces/account-store.js";
import {
  addUser,
  checkPassword,
  disableUser,
  issueToken,
  normaliseEmail,
  randomPassword,
  resetPassword,
} from "../../server/accounts/users.js";
import { type CliIo, nowOf } from "../io.js";

async function withAccounts<T>(db: string, work: (store: AccountStore) => Promise<T>): Promise<T> {
  const stores = await openStores(db, "read-write");
  try {
    return await work(stores.accounts);
  } finally {
    await stores.close();
  }
}

/** The password from stdin (its first line), or a random one to print. */
async function passwordOf(
  fromStdin: boolean,
  io: CliIo,
): Promise<{ password: string; shown: boolean }> {
  if (!fromStdin) return { password: randomPassword(), shown: true };
  if (!io.stdin) throw new FactuallyError("BAD_INPUT", "--password-stdin needs a standard input");
  const text = await io.stdin();
  const password = text.split(/\r?\n/)[0] ?? "";
  return { password: checkPassword(password), shown: false };
}

export async function usersAddCommand(
  email: string,
  options: { db: string; role: Role; passwordStdin: boolean },
  io: CliIo,
): Promise<number> {
  const normal = normaliseEmail(email);
  const { password, shown } = await passwordOf(options.passwordStdin, io);
  await withAccounts(options.db, (store) =>
    addUser(store, { email: normal, role: options.role, password, now: nowOf(io) }),
  );
  io.stdout.write(`Added ${normal} as ${options.role}.\n`);
  if (shown) io.stdout.write(`Password (shown once, stored only as a hash): ${password}\n`);
  return 0;
}

export async function usersListCommand(
  options: { db: string; json: boolean },
  io: CliIo,
): Promise<number> {
  const users = await withAccounts(options.db, async (store) => {
    const listed = await store.listUsers();
    return Promise.all(
      listed.map(async (user) => ({
        ...user,
        tokens: (await store.listTokens(user.email)).map(({ hash: _, email: __, ...t }) => t),
      })),
    );
  });
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ users })}\n`);
    return 0;
  }
  if (users.length === 0) {
    io.stdout.write("No users: the service is open (see docs/accounts.md).\n");
    return 0;
  }
  for (const user of users) {
    const state = user.disabled ? " (disabled)" : "";
    io.stdout.write(`${user.email}  ${user.role}${state}  since ${user.createdAt}\n`);
    for (const t of user.tokens) {
      const used = t.lastUsedAt ? `last used ${t.lastUsedAt}` : "never used";
      const revoked = t.revokedAt ? `, revoked ${t.revokedAt}` : "";
      io.stdout.write(`  token ${t.id}  ${JSON.stringify(t.label)}  ${used}${revoked}\n`);
    }
  }
  return 0;
}

export async function usersDisableCommand(
  email: string,
  options: { db: string },
  io: CliIo,
): Promise<number> {
  await withAccounts(options.db, (store) => disableUser(store, email));
  io.stdout.write(
    `Disabled ${normaliseEmail(email)}; their sessions ended and tokens stopped working.\n`,
  );
  return 0;
}

export async function usersResetCommand(
  email: string,
  options: { db: string; passwordStdin: boolean },
  io: CliIo,
): Promise<number> {
  const normal = normaliseEmail(email);
  const { password, shown } = await passwordOf(options.passwordStdin, io);
  await withAccounts(options.db, (store) => resetPassword(store, normal, password));
  io.stdout.write(`New password for ${normal}; their sessions ended.\n`);
  if (shown) io.stdout.write(`Password (shown once, stored only as a hash): ${password}\n`);
  return 0;
}

export async function usersTokenCommand(
  email: string,
  options: { db: string; label: string },
  io: CliIo,
): Promise<number> {
  const { token, stored } = await withAccounts(options.db, (store) =>
    issueToken(store, { email, label: options.label, now: nowOf(io) }),
  );
  io.stdout.write(
    `Token ${stored.id} for ${stored.email} (shown once, stored only as a hash):\n${token}\n`,
  );
  return 0;
}

export async function usersRevokeTokenCommand(
  id: string,
  options: { db: string },
  io: CliIo,
): Promise<number> {
  const revoked = await withAccounts(options.db, (store) =>
    store.revokeToken(id.trim(), nowOf(io).toISOString()),
  );
  if (!revoked) {
    throw new FactuallyError(
      "NOT_FOUND",
      `there is no token ${JSON.stringify(id)} that is not already revoked; see factually users list`,
    );
  }
  io.stdout.write(`Revoked ${id.trim()}.\n`);
  return 0;
}
