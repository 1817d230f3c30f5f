import { XapiError } from "./errors.ts";

export type XapiVersion = "1.0.3" | "2.0.0";

export const SUPPORTED_VERSIONS: readonly XapiVersion[] = ["1.0.3", "2.0.0"];

const V1 = /^1\.0(\.\d+)?$/;
const V2 = /^2\.0(\.\d+)?$/;

/**
 * Maps the X-Experience-API-Version request header to the version the LRS answers with.
 * The spec requires the header on every request and a 400 for versions we don't implement.
 */
export function negotiateVersion(header: string | undefined): XapiVersion {
  if (header === undefined || header.trim() === "") {
    throw new XapiError(
      400,
      "Missing X-Experience-API-Version header; supported versions: 1.0.3 (1.0.x) and 2.0.0",
    );
  }
  const value = header.trim();
  if (V1.test(value)) return "1.0.3";
  if (V2.test(value)) return "2.0.0";
  throw new XapiError(
    400,
    `Unsupported X-Experience-API-Version "${value}"; supported versions: 1.0.3 (1.0.x) and 2.0.0`,
  );
}
