/**
 * A delivery whose body is not the source's format. The ingest route answers 422 with the
 * message and records the delivery as rejected, so the message must say exactly what is
 * wrong (which field, what was expected) for whoever configures the sender.
 */
export class IngestParseError extends Error {
  readonly status = 422;
  readonly code = "invalid_payload";

  constructor(message: string) {
    super(message);
    this.name = "IngestParseError";
  }
}

