// The index keys of State and profile documents: SHA-256 hashes of where a document lives.
// A document's full key (kind, activity, agent, registration, id) may be several kilobytes of
// text, more than one PostgreSQL B-tree entry holds (2,704 bytes), so the tables index fixed-
// size hashes of it instead and keep the parts beside them. The JSON array keeps the parts
// apart unambiguously.
import { createHash } from "node:crypto";

const sha256 = (parts: readonly string[]) =>
  createHash("sha256").update(JSON.stringify(parts)).digest("hex");

/** One document: kind, activity, agent IFI, registration ("" for none), document id. */
export const documentKeyHash = (
  kind: string,
  activity: string,
  agent: string,
  registration: string,
  id: string,
): string => sha256([kind, activity, agent, registration, id]);

/** The documents of one kind, activity and agent (every registration): listing and DELETE all. */
export const documentPlaceHash = (kind: string, activity: string, agent: string): string =>
  sha256([kind, activity, agent]);
