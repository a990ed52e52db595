/** Excel's error code for a request refused while the user is editing a cell. */
export const CELL_EDIT_MODE = "InvalidOperationInCellEditMode";

/** Excel's error code for a request over the payload limit (5 MB on the web). */
export const PAYLOAD_TOO_LARGE = "RequestPayloadSizeLimitExceeded";

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
