// An exam certificate as its holder prints it (Kazakh and Russian) and as anyone checks it at
// /verify/<code>; the next due date on the course map follows the pass.
import { expect, test } from "@playwright/test";
import { numericDate } from "../../src/lib/format/dates.ts";
import { signedInApi, takeExam } from "./exam-helpers.ts";
import { signIn } from "./helpers.ts";

const DAY = 86_400_000;

test("a passed exam gives a printable certificate that anyone can verify", async ({
  page,
  browser,
  baseURL,
}) => {
  const api = await signedInApi(baseURL ?? "", "100016");
  const me = (await (await api.get("/api/me")).json()) as { user: { fullName: string } };
  const graded = await takeExam(api, true);
  expect(graded.passed).toBe(true);
  const code = graded.certificate?.code ?? "";
  expect(code).toMatch(/^ADAL(-[A-Z0-9]{4}){3}$/u);
  const validUntil = new Date(graded.certificate?.validUntil ?? 0);
  expect(Math.round((validUntil.getTime() - Date.now()) / DAY)).toBe(365);

  await signIn(page, "100016", "/");
  // The course map shows when the next exam is due: a year after the pass.
  await expect(page.locator(".course-progress")).toContainText(
    `Келесі емтихан мерзімі: ${numericDate(validUntil)}`,
  );

  await page.goto(`/certificate/?code=${code}`);
  const certificate = page.locator("article.certificate");
  await expect(certificate.getByRole("heading")).toHaveText(
    "Жыл сайынғы емтиханнан өткені туралы сертификат",
  );
  await expect(certificate.locator(".certificate-name")).toHaveText(me.user.fullName);
  await expect(certificate).toContainText(code);
  await expect(
    certificate.getByRole("link", { name: `${baseURL}/verify/${code}` }),
  ).toHaveAttribute("href", `${baseURL}/verify/${code}`);
  // The same certificate as a PDF document, in the page's language.
  const download = page.waitForEvent("download");
  await certificate.getByRole("link", { name: "PDF түрінде жүктеп алу" }).click();
  expect((await download).suggestedFilename()).toBe(`adal-${code}.pdf`);
  await page.emulateMedia({ media: "print" });
  await expect(certificate.getByRole("button", { name: "Басып шығару" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await page.goto(`/ru/certificate/?code=${code}`);
  await expect(certificate.getByRole("heading")).toHaveText(
    "Сертификат о сдаче аттестационного экзамена",
  );

  // Anyone, signed in or not, can check it; a made-up code is not found.
  const stranger = await browser.newContext({ baseURL: baseURL ?? "" });
  const check = await stranger.newPage();
  await check.goto(`/verify/${code}`);
  await expect(check.getByRole("main").getByRole("status")).toHaveText(
    "Сертификат түпнұсқа және жарамды.",
  );
  await expect(check.locator(".certificate-name")).toHaveText(me.user.fullName);
  await check.goto("/ru/verify/ADAL-AAAA-BBBB-CCCC");
  await expect(check.getByRole("main").getByRole("alert")).toHaveText(
    "Сертификат с таким кодом не найден. Проверьте код и введите его снова.",
  );
  await stranger.close();
});
