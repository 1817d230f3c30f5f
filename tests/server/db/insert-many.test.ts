import { describe, expect, it } from "vitest";
import { insertMany } from "../../../src/server/db/insert-many.ts";
import { databases } from "../helpers/databases.ts";

for (const database of databases) {
  describe(`insertMany on ${database.name}`, () => {
    it("writes every row across chunks, and its tail applies to each chunk", async () => {
      const { sql, close } = await database.open();
      try {
        await sql.run("CREATE TABLE pairs (k INTEGER PRIMARY KEY, v TEXT NOT NULL)");
        const rows = Array.from({ length: 450 }, (_, i) => [i, `v${i}`]);
        await insertMany(sql, "INSERT INTO pairs (k, v)", "", rows);
        // Half of these clash with stored rows; ON CONFLICT keeps the stored ones.
        const again = Array.from({ length: 450 }, (_, i) => [i + 225, `new${i}`]);
        await insertMany(sql, "INSERT INTO pairs (k, v)", " ON CONFLICT (k) DO NOTHING", again);
        await insertMany(sql, "INSERT INTO pairs (k, v)", "", []);
        const count = await sql.get<{ n: number }>("SELECT COUNT(*) AS n FROM pairs");
        expect(Number(count?.n)).toBe(675);
        const kept = await sql.get<{ v: string }>("SELECT v FROM pairs WHERE k = 300");
        expect(kept?.v).toBe("v300");
        const added = await sql.get<{ v: string }>("SELECT v FROM pairs WHERE k = 674");
        expect(added?.v).toBe("new449");
      } finally {
        await close();
      }
    });
  });
}
