// Checks that a configured model path is a readable GGUF file before llama.cpp is asked to load it.
import { open } from "node:fs/promises";
import { FactuallyError, messageOf } from "../../core/errors.js";

/** The four bytes every GGUF file starts with (https://github.com/ggml-org/ggml/blob/master/docs/gguf.md). */
const GGUF_MAGIC = "GGUF";
/** Magic, version (u32), tensor count (u64), metadata count (u64). */
const HEADER_BYTES = 24;
/** Smallest encodings: a tensor info is a name (u64 length), dims (u32 + u64), type (u32) and offset (u64); a metadata entry a key (u64 length), a type (u32) and a one-byte value. */
const MIN_TENSOR_INFO_BYTES = 8 + 4 + 8 + 4 + 8;
const MIN_METADATA_BYTES = 8 + 4 + 1;

/** The BAD_CONFIG error for a model path that cannot be used, saying why and what to do. */
export function badModelFile(modelPath: string, reason: string, cause?: unknown): FactuallyError {
  return new FactuallyError(
    "BAD_CONFIG",
    `FACTUALLY_LLM_MODEL (${modelPath}) is not a readable GGUF file: ${reason}. ` +
      "Point FACTUALLY_LLM_MODEL at a .gguf model file (llama.cpp's format), " +
      "or choose a server-backed FACTUALLY_LLM_PROVIDER instead of gguf.",
    { target: modelPath, cause },
  );
}

/** Resolves to the file's size in bytes when `modelPath` is a readable file starting with the GGUF magic. */
export async function checkGgufFile(modelPath: string): Promise<number> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(modelPath, "r");
    const stats = await handle.stat();
    if (!stats.isFile()) throw badModelFile(modelPath, "it is not a regular file");
    const head = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEADER_BYTES, 0);
    if (bytesRead < 4 || head.toString("latin1", 0, 4) !== GGUF_MAGIC) {
      throw badModelFile(
        modelPath,
        "it does not start with the GGUF magic bytes (safetensors, PyTorch and ONNX files must be converted to GGUF first)",
      );
    }
    const problem = headerProblem(head, bytesRead, stats.size);
    if (problem) throw badModelFile(modelPath, `${problem}; it may be truncated or damaged`);
    return stats.size;
  } catch (error) {
    if (error instanceof FactuallyError) throw error;
    throw badModelFile(modelPath, describeFsError(error), error);
  } finally {
    await handle?.close();
  }
}

/**
 * Why the header cannot describe this file, if it cannot. llama.cpp spends minutes trying to
 * read the counts of a garbage header before failing, so impossible counts are caught here.
 */
function headerProblem(head: Buffer, bytesRead: number, fileSize: number): string | undefined {
  if (bytesRead < HEADER_BYTES) return "its header is incomplete";
  const version = head.readUInt32LE(4);
  if (version < 1 || version > 3) return `its GGUF version ${version} is unknown`;
  const tensors = head.readBigUInt64LE(8);
  const entries = head.readBigUInt64LE(16);
  const least =
    BigInt(HEADER_BYTES) +
    tensors * BigInt(MIN_TENSOR_INFO_BYTES) +
    entries * BigInt(MIN_METADATA_BYTES);
  if (least > BigInt(fileSize)) {
    return `its header lists ${tensors} tensors and ${entries} metadata entries, more than ${fileSize} bytes can hold`;
  }
  return undefined;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a directory";
  return messageOf(error);
}
