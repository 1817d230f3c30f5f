// `adal reports rebuild`: rebuilds the report tables from the statements the LRS keeps (after
// an upgrade that changes them, or after ADAL_ORIGIN changed).

import { loadPracticeCatalogue } from "../banks/practice.ts";
import { examBankResponses } from "../exam/bank-responses.ts";
import { rebuildProjection } from "../reports/rebuild.ts";
import { type CliContext, UsageError } from "./context.ts";

export async function reportsCommand(ctx: CliContext, args: string[]): Promise<void> {
  if (args[0] !== "rebuild") throw new UsageError("adal reports rebuild");
  const practice = loadPracticeCatalogue(ctx.config.ADAL_PRACTICE_DIR);
  // Without the banks every practice answer would be left out of the rebuilt tables.
  if (practice.items.size === 0)
    throw new Error(`No practice banks to rebuild with: ${practice.problems.join("; ")}`);
  const started = Date.now();
  ctx.out(`Rebuilding the report tables for ${ctx.config.origin} (${ctx.db.describe})…`);
  const result = await rebuildProjection(ctx.db.sql, ctx.config.origin, {
    bankResponses: examBankResponses,
    practice: practice.items,
    onProgress: (n) => {
      if (n % 100_000 === 0) ctx.out(`  ${n} statements…`);
    },
  });
  if (ctx.db.sql.dialect === "postgres") await ctx.db.sql.run("ANALYZE");
  ctx.out(
    `Rebuilt from ${result.statements} statements (${result.projected} about this platform's learners) in ${Math.round((Date.now() - started) / 1000)} s.`,
  );
}
