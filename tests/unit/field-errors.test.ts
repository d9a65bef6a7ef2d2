import { describe, expect, it } from "vitest";
import { ApiError } from "@/components/api-client";
import { fieldErrorsOf } from "@/components/ui/field-error";

describe("fieldErrorsOf", () => {
  const error = new ApiError(422, "validation_failed", "Invalid input", [
    { field: "workingHours.start", message: "must be HH:MM" },
    { field: "workingHours.days.2", message: "must be a day from 1 (Monday) to 7" },
    { field: "name", message: "is required" },
  ]);

  it("finds a nested field's message under its own path, for forms with an input per part", () => {
    const errors = fieldErrorsOf(error);
    expect(errors["workingHours.start"]).toBe("must be HH:MM");
    expect(errors["workingHours.days"]).toBe("must be a day from 1 (Monday) to 7");
    expect(errors["workingHours.end"]).toBeUndefined();
  });

  it("and under each enclosing path, the first message winning, for forms with one input for the whole", () => {
    const errors = fieldErrorsOf(error);
    expect(errors.workingHours).toBe("must be HH:MM");
    expect(errors.name).toBe("is required");
    expect(fieldErrorsOf(null)).toEqual({});
  });
});
