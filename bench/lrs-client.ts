// One benchmark client process: POSTs statements to the LRS for a number of seconds and
// prints how many were stored. Usage: node bench/lrs-client.ts URL AUTH SECONDS BATCH
// It speaks HTTP/1.1 on one keep-alive socket and builds bodies from a template, as load
// generators such as wrk do: on a 2-core machine a heavier client (fetch, even node:http)
// costs as much CPU as the server it measures, and that would be measuring the client.
import { randomUUID } from "node:crypto";
import { connect } from "node:net";

const [url, auth, seconds, batch] = process.argv.slice(2);
const size = Number(batch);
const target = new URL("/xapi/statements", url);
const registration = randomUUID();
let n = 0;
const statement = () => {
  n++;
  return `{"id":"${randomUUID()}","actor":{"objectType":"Agent","account":{"homePage":"https://adal.bench","name":"${100000 + (n % 10_000)}"}},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},"object":{"objectType":"Activity","id":"https://adal.bench/xapi/activities/quiz-item/p02-item-${n % 120}"},"context":{"registration":"${registration}","contextActivities":{"parent":[{"id":"https://adal.bench/xapi/activities/quiz/practice/2"}]}},"result":{"success":${n % 3 !== 0}}}`;
};
const head = (length: number) =>
  `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nAuthorization: ${auth}\r\nX-Experience-API-Version: 1.0.3\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

const socket = connect(Number(target.port), target.hostname);
socket.setNoDelay(true);
await new Promise((resolve) => socket.once("connect", resolve));

// Reads one response: the status, then exactly Content-Length bytes of body (the LRS always
// sends one for these answers).
let buffered: Buffer<ArrayBufferLike> = Buffer.alloc(0);
let waiting: ((status: number) => void) | null = null;
socket.on("data", (chunk: Buffer) => {
  buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
  const end = buffered.indexOf("\r\n\r\n");
  if (end < 0 || !waiting) return;
  const header = buffered.subarray(0, end).toString("latin1");
  const length = Number(/content-length: *(\d+)/iu.exec(header)?.[1] ?? 0);
  if (buffered.length < end + 4 + length) return;
  buffered = buffered.subarray(end + 4 + length);
  const resolve = waiting;
  waiting = null;
  resolve(Number(header.slice(9, 12)));
});

const send = (body: string) =>
  new Promise<number>((resolve) => {
    waiting = resolve;
    socket.write(head(Buffer.byteLength(body)) + body);
  });

const end = Date.now() + Number(seconds) * 1000;
let stored = 0;
let failed = 0;
while (Date.now() < end) {
  const body = size === 1 ? statement() : `[${Array.from({ length: size }, statement).join(",")}]`;
  if ((await send(body)) === 200) stored += size;
  else failed++;
}
socket.destroy();
if (failed > 0) console.error(`${failed} requests were not answered 200`);
console.log(stored);
