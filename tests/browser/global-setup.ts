// Starts one Chromium for the whole browser run; each test file connects to it (harness.ts launchChromium), so
// the run pays for one browser start instead of one per file, and files still get contexts of their own.
import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from './harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await launchChromiumServer();
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
