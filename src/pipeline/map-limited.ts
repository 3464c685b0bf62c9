// Runs an async task over a list a few at a time and keeps the results in list order: for the
// stages that wait on the network (search, read), where order must not depend on timing.

/**
 * `task` for every item, at most `concurrency` at once; results in input order. The first task
 * to throw rejects the whole (remaining items are not started).
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T, i);
    }
  };
  const workers = Math.max(1, Math.min(concurrency, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
