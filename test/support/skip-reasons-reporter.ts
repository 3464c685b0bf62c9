// A vitest reporter that lists, after the run, every test or suite that was skipped, by its
// name: the default reporter shows only "11 skipped", and a CI log must say that the browser
// tests did not run because Chromium is absent, or the benchmarks because ../shared is.
// Every conditional skip therefore carries its reason in its name.

// The few members of vitest's reporter API used here (vitest/node's own types pull the DOM
// library into the type-check of src/).
interface TestCase {
  type: "test";
  fullName: string;
  result(): { state: string };
}
interface TestSuite {
  type: "suite";
  fullName: string;
  state(): string;
  children: Iterable<TestCase | TestSuite>;
}
interface TestModule {
  relativeModuleId: string;
  children: Iterable<TestCase | TestSuite>;
}
interface Vitest {
  config: { testNamePattern?: RegExp | undefined };
  logger: { log(message: string): void };
}

export default class SkipReasonsReporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    // With a name filter (-t) every other test counts as skipped: nothing worth listing.
    if (!this.vitest || this.vitest.config.testNamePattern !== undefined) return;
    const lines = modules.flatMap((module) =>
      skippedIn(module).map((name) => `  ${module.relativeModuleId} › ${name}`),
    );
    if (lines.length === 0) return;
    this.vitest.logger.log(
      `\nSkipped (${lines.length}), each with its reason:\n${lines.join("\n")}`,
    );
  }
}

/** The outermost skipped suites and the skipped tests outside them, by full name. */
function skippedIn(parent: TestModule | TestSuite): string[] {
  const names: string[] = [];
  for (const child of parent.children) {
    if (child.type === "suite") {
      if (child.state() === "skipped") names.push(child.fullName);
      else names.push(...skippedIn(child));
    } else if (isSkipped(child)) {
      names.push(child.fullName);
    }
  }
  return names;
}

function isSkipped(test: TestCase): boolean {
  return test.result().state === "skipped";
}
