// Last writer wins for xAPI State documents written from several devices. The LRS tells when
// it last stored a document (Last-Modified, whole seconds, its clock); a value saved on this
// device at `savedAt` (ms, the device's clock) loses only to a version stored strictly later.
// A version stored in the same second counts as older: the truncation makes it look earlier
// than it was, so the device's value, the one the learner just produced here, is kept.

export function newerRemote(remoteModified: number | undefined, savedAt: number): boolean {
  if (remoteModified === undefined || Number.isNaN(remoteModified)) return false;
  return Math.floor(remoteModified / 1000) > Math.floor(savedAt / 1000);
}
