/** Excel's error code for a request refused while the user is editing a cell. */
export const CELL_EDIT_MODE = "InvalidOperationInCellEditMode";

/** Excel's error code for a request over the payload limit (5 MB on the web). */
export const PAYLOAD_TOO_LARGE = "RequestPayloadSizeLimitExceeded";

/** A sheet, table or other item asked for by name does not exist. */
export const ITEM_NOT_FOUND = "ItemNotFound";

/** Excel's error code for a response over the payload limit. */
export const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";

/** The `code` of an OfficeExtension.Error (or anything shaped like one); undefined otherwise. */
export function errorCode(e: unknown): string | undefined {
  if (typeof e === "object" && e !== null && "code" in e) {
    const code = (e as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

/** Excel's code for an internal error: Excel on the web sometimes answers an oversize request or response with it. */
export const GENERAL_EXCEPTION = "GeneralException";

/**
 * True for Excel's answers to a request or response that may be too large: the two payload codes, and the
 * generic error Excel on the web sometimes gives instead (office-js-docs-reference #354, office-js #1314). A
 * caller halves and sends again only what may be sent twice (reads, values into its own temporary sheets).
 */
export function isOversizeAnswer(e: unknown): boolean {
  const code = errorCode(e);
  return code === PAYLOAD_TOO_LARGE || code === RESPONSE_TOO_LARGE || code === GENERAL_EXCEPTION;
}
