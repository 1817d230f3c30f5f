// One benchmark client process: POSTs statements to the LRS for a number of seconds and
// prints how many were stored. Usage: node bench/lrs-client.ts URL AUTH SECONDS BATCH
import { randomUUID } from "node:crypto";

const [url, auth, seconds, batch] = process.argv.slice(2);
const size = Number(batch);
const headers = {
  Authorization: auth ?? "",
  "X-Experience-API-Version": "1.0.3",
  "Content-Type": "application/json",
};
const registration = randomUUID();
let n = 0;
const statement = () => ({
  id: randomUUID(),
  actor: {
    objectType: "Agent",
    account: { homePage: "https://adal.bench", name: String(100000 + (n++ % 10_000)) },
  },
  verb: { id: "http://adlnet.gov/expapi/verbs/answered" },
  object: {
    objectType: "Activity",
    id: `https://adal.bench/xapi/activities/quiz-item/p02-item-${n % 120}`,
  },
  context: {
    registration,
    contextActivities: { parent: [{ id: "https://adal.bench/xapi/activities/quiz/practice/2" }] },
  },
  result: { success: n % 3 !== 0 },
});
const end = Date.now() + Number(seconds) * 1000;
let stored = 0;
while (Date.now() < end) {
  const body = size === 1 ? statement() : Array.from({ length: size }, statement);
  const response = await fetch(`${url}/xapi/statements`, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  if (response.ok) stored += size;
}
console.log(stored);
