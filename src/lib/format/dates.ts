// Dates as people in Kazakhstan write them, the same in every browser: browsers' own Kazakh
// formats differ (Chromium gives `2027-12-07` where a Kazakh reader expects `07.12.2027`), and
// a certificate or a due date must read the same on every device. Local time of the device.

const two = (n: number) => String(n).padStart(2, "0");

/** `07.12.2027`, the numeric form both languages use. */
export function numericDate(date: Date): string {
  return `${two(date.getDate())}.${two(date.getMonth() + 1)}.${date.getFullYear()}`;
}

/** `07.12.2027, 14:05`. */
export function numericDateTime(date: Date): string {
  return `${numericDate(date)}, ${two(date.getHours())}:${two(date.getMinutes())}`;
}
