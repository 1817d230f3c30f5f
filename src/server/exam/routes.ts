// /api/exam/… for learners (any signed-in person takes the exam). Errors are HttpErrors,
// answered by the API.
import type { Hono } from "hono";
import { z } from "zod";
import { ApiError, type PlatformHelpers } from "../platform/api-helpers.ts";
import type { ExamService } from "./service.ts";

// Option ids are the attempt's own (10 base32 characters); older open attempts used a, b, c.
const answerBody = z.strictObject({
  options: z.array(z.string().regex(/^[A-Za-z0-9]{1,16}$/u)).max(10),
});

export function examRoutes(exam: ExamService) {
  return (api: Hono, { requireUser }: PlatformHelpers) => {
    api.get("/exam", async (c) => c.json(await exam.status(await requireUser(c))));
    api.post("/exam/attempts", async (c) => c.json(await exam.start(await requireUser(c)), 201));
    api.get("/exam/attempts/:id", async (c) =>
      c.json(await exam.view(await requireUser(c), c.req.param("id"))),
    );
    api.put("/exam/attempts/:id/answers/:item", async (c) => {
      const user = await requireUser(c);
      const parsed = answerBody.safeParse(await c.req.json().catch(() => null));
      if (!parsed.success)
        throw new ApiError(
          400,
          "invalid-body",
          'Send {"options": [<option ids of the attempt>]} as JSON.',
        );
      await exam.answer(user, c.req.param("id"), c.req.param("item"), parsed.data.options);
      return c.body(null, 204);
    });
    api.post("/exam/attempts/:id/submit", async (c) =>
      c.json(await exam.submit(await requireUser(c), c.req.param("id"))),
    );
    api.get("/exam/attempts/:id/result", async (c) =>
      c.json(await exam.result(await requireUser(c), c.req.param("id"))),
    );
  };
}
