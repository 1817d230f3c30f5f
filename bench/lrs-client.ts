// One benchmark client process: POSTs statements to the LRS for a number of seconds and
// prints how many were stored. Usage: node bench/lrs-client.ts URL AUTH SECONDS BATCH
// It uses node:http with keep-alive and builds bodies from a template, because on a 2-core
// machine a heavier client (fetch, object building) costs more CPU than the server it measures.
import { randomUUID } from "node:crypto";
import { Agent, request } from "node:http";

const [url, auth, seconds, batch] = process.argv.slice(2);
const size = Number(batch);
const target = new URL("/xapi/statements", url);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const registration = randomUUID();
let n = 0;
const statement = () => {
  n++;
  return `{"id":"${randomUUID()}","actor":{"objectType":"Agent","account":{"homePage":"https://adal.bench","name":"${100000 + (n % 10_000)}"}},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},"object":{"objectType":"Activity","id":"https://adal.bench/xapi/activities/quiz-item/p02-item-${n % 120}"},"context":{"registration":"${registration}","contextActivities":{"parent":[{"id":"https://adal.bench/xapi/activities/quiz/practice/2"}]}},"result":{"success":${n % 3 !== 0}}}`;
};

function post(body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: "POST",
        agent,
        headers: {
          Authorization: auth ?? "",
          "X-Experience-API-Version": "1.0.3",
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(body),
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const end = Date.now() + Number(seconds) * 1000;
let stored = 0;
while (Date.now() < end) {
  const body = size === 1 ? statement() : `[${Array.from({ length: size }, statement).join(",")}]`;
  if ((await post(body)) === 200) stored += size;
}
const used = process.cpuUsage();
console.error(
  `client CPU ${Math.round((used.user + used.system) / Math.max(1, stored / size))} µs/request`,
);
console.log(stored);
agent.destroy();
