// Managing users and their API tokens (the `factually users` command): the rules on emails,
// roles and passwords, in one place.
import { randomBytes } from "node:crypto";
import { FactuallyError } from "../../core/errors.js";
import type { AccountStore, ApiToken, Role } from "../../core/interfaces/account-store.js";
import { ROLES } from "../../core/interfaces/account-store.js";
import { hashPassword } from "./password.js";
import { newSecret, sha256Hex } from "./secrets.js";

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 1024;
/** API tokens start with this, so a leaked one is recognisable (and greppable). */
export const TOKEN_PREFIX = "fct_";

/** The email in the form the store keys users by (trimmed, lower case), or BAD_INPUT. */
export function normaliseEmail(email: string): string {
  const normal = email.trim().toLowerCase();
  if (normal.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(normal)) {
    throw new FactuallyError("BAD_INPUT", `${JSON.stringify(email)} is not an email address`);
  }
  return normal;
}

export function roleOf(value: string): Role {
  const role = ROLES.find((r) => r === value);
  if (!role) {
    throw new FactuallyError(
      "BAD_INPUT",
      `${JSON.stringify(value)} is not a role; use ${ROLES.join(", ")}`,
    );
  }
  return role;
}

export function checkPassword(password: string): string {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new FactuallyError(
      "BAD_INPUT",
      `a password needs ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
    );
  }
  return password;
}

/** A random password to print once: 18 bytes, 24 base64url characters. */
export function randomPassword(): string {
  return randomBytes(18).toString("base64url");
}

export async function addUser(
  store: AccountStore,
  input: { email: string; role: Role; password: string; now: Date },
): Promise<void> {
  const email = normaliseEmail(input.email);
  try {
    await store.addUser({
      email,
      role: input.role,
      passwordHash: await hashPassword(checkPassword(input.password)),
      disabled: false,
      createdAt: input.now.toISOString(),
    });
  } catch (error) {
    if (!(FactuallyError.isInstance(error) && error.code === "CONFLICT")) throw error;
    throw new FactuallyError(
      "BAD_INPUT",
      `there is already a user ${email}; use factually users reset to change their password`,
      { cause: error },
    );
  }
}

/** Sets a new password and ends every session of the user. */
export async function resetPassword(
  store: AccountStore,
  email: string,
  password: string,
): Promise<void> {
  const normal = normaliseEmail(email);
  if (!(await store.setPassword(normal, await hashPassword(checkPassword(password))))) {
    throw noUser(normal);
  }
  await store.deleteSessionsOf(normal);
}

/** Disables a user and ends their sessions; their tokens stop working too. */
export async function disableUser(store: AccountStore, email: string): Promise<void> {
  const normal = normaliseEmail(email);
  if (!(await store.setDisabled(normal, true))) throw noUser(normal);
  await store.deleteSessionsOf(normal);
}

/** A new API token for a user: the token (to show once) and what is stored. */
export async function issueToken(
  store: AccountStore,
  input: { email: string; label: string; now: Date },
): Promise<{ token: string; stored: ApiToken }> {
  const email = normaliseEmail(input.email);
  if (!(await store.getUser(email))) throw noUser(email);
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  const stored: ApiToken = {
    id: `tok-${randomBytes(6).toString("hex")}`,
    email,
    hash: sha256Hex(token),
    label: input.label,
    createdAt: input.now.toISOString(),
  };
  await store.addToken(stored);
  return { token, stored };
}

function noUser(email: string): FactuallyError {
  return new FactuallyError("NOT_FOUND", `there is no user ${email}; see factually users list`);
}
