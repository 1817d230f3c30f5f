import { parseArgs } from "node:util";
import { parseScopes } from "../lrs/credentials.ts";
import { type CliContext, UsageError } from "./context.ts";

export async function credentialsCommand(ctx: CliContext, args: string[]): Promise<void> {
  const [action, ...rest] = args;
  if (action === "create") {
    const { values } = parseArgs({
      args: rest,
      options: { scopes: { type: "string" }, name: { type: "string" } },
    });
    if (!values.name || !values.scopes)
      throw new UsageError(
        "adal credentials create --name NAME --scopes all|statements/write,statements/read,…",
      );
    const { credential, secret } = await ctx.credentials.create(
      values.name,
      parseScopes(values.scopes),
      new Date(),
    );
    ctx.out(`Created credential "${credential.name}" with scopes ${credential.scopes.join(", ")}.`);
    ctx.out(`key:    ${credential.key}`);
    ctx.out(`secret: ${secret}`);
    ctx.out(
      "The secret is shown only now; store it safely. HTTP Basic: key as user name, secret as password.",
    );
    return;
  }
  if (action === "list") {
    for (const c of await ctx.credentials.list()) {
      ctx.out(
        `${c.key}\t${c.name}\t${c.scopes.join(",")}\tcreated ${c.createdAt}${c.revokedAt ? `\trevoked ${c.revokedAt}` : ""}`,
      );
    }
    return;
  }
  if (action === "revoke") {
    const key = rest[0];
    if (!key) throw new UsageError("adal credentials revoke KEY");
    if (!(await ctx.credentials.revoke(key, new Date())))
      throw new Error(`No active credential with key ${key}.`);
    ctx.out(`Revoked ${key}.`);
    return;
  }
  throw new UsageError("adal credentials create|list|revoke");
}
