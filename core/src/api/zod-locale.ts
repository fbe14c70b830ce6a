import { z } from "zod";

/** Validation messages that a schema does not word itself come out in Vietnamese. */
export function enableVietnameseValidationMessages() {
  z.config(z.locales.vi());
}
