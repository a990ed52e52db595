/** Error codes the fake raises, spelled as Excel's OfficeExtension.Error codes. */
export type FakeErrorCode =
  | "PropertyNotLoaded"
  | "InvalidArgument"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidOperation"
  | "InvalidOperationInCellEditMode"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "AccessDenied"
  | "GeneralException";

/** An error shaped like OfficeExtension.Error: a `code` and a message. */
export class FakeExcelError extends Error {
  readonly code: FakeErrorCode;
  constructor(code: FakeErrorCode, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
  }
}

/** Throws a FakeExcelError. */
export function fail(code: FakeErrorCode, message: string): never {
  throw new FakeExcelError(code, message);
}
