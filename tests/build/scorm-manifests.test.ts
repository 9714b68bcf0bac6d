// The SCORM packages' imsmanifest.xml files checked by xmllint (libxml2 compiled to WebAssembly, xmllint-wasm)
// against the SCORM schemas vendored in tests/fixtures/scorm-xsd/ (see its README for what is and is not there).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { repoRoot } from '../built-site.ts';
import { scormDir, unzipPackage } from '../browser/scorm-fixtures';

const xsdDir = join(repoRoot, 'tests/fixtures/scorm-xsd');
const schemas = (version: '1.2' | '2004') =>
  readdirSync(join(xsdDir, version))
    .filter((f) => f.endsWith('.xsd'))
    .map((fileName) => ({ fileName, contents: readFileSync(join(xsdDir, version, fileName), 'utf8') }));

/** One schema importing the namespaces a manifest uses: xmllint takes a single --schema. */
const DRIVER = {
  '1.2': [
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
  ],
  '2004': [
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
  ],
} as const;
const driver = (version: '1.2' | '2004') => ({
  fileName: 'driver.xsd',
  contents: `<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:course:scorm-driver">
${DRIVER[version].map(([ns, file]) => `  <xsd:import namespace="${ns}" schemaLocation="${file}"/>`).join('\n')}
</xsd:schema>`,
});

async function validate(version: '1.2' | '2004', manifest: string) {
  const result = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: manifest }],
    schema: [driver(version)],
    preload: schemas(version),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

const manifests = readdirSync(scormDir)
  .filter((n) => n.endsWith('.zip'))
  .map((name) => ({
    name,
    version: name.includes('scorm12') ? ('1.2' as const) : ('2004' as const),
    xml: strFromU8(unzipPackage(name)['imsmanifest.xml']!),
  }));

describe('SCORM manifests against the SCORM schemas (xmllint)', () => {
  test.each(manifests)('$name is valid', async ({ version, xml }) => {
    expect(await validate(version, xml)).toEqual({ valid: true, errors: [] });
  });

  test('the check can fail: a manifest with its items out of order, or without an identifier, is refused', async () => {
    const one = manifests.find((m) => m.version === '1.2')!;
    const misplaced = one.xml.replace(
      /(<title>[^<]*<\/title>\n)(<adlcp:masteryscore>\d+<\/adlcp:masteryscore>\n)/,
      '$2$1',
    );
    expect(misplaced).not.toBe(one.xml);
    expect((await validate('1.2', misplaced)).valid).toBe(false);
    const two = manifests.find((m) => m.version === '2004')!;
    expect((await validate('2004', two.xml.replace(/<resource identifier="sco"/, '<resource'))).valid).toBe(false);
    expect((await validate('2004', two.xml.replace(/adlcp:scormType="sco"/, 'adlcp:scormType="page"'))).valid).toBe(
      false,
    );
  });

  test('2004: the mastery score is the primary objective, measured (checked by hand: no imsss schema here)', () => {
    for (const { xml, name } of manifests.filter((m) => m.version === '2004')) {
      expect(xml, name).toMatch(
        /<item identifier="item" identifierref="sco">\n<title>[^<]+<\/title>\n<imsss:sequencing>\n<imsss:objectives>\n<imsss:primaryObjective objectiveID="mastery" satisfiedByMeasure="true">\n<imsss:minNormalizedMeasure>(0(\.\d+)?|1)<\/imsss:minNormalizedMeasure>\n<\/imsss:primaryObjective>\n<\/imsss:objectives>\n<\/imsss:sequencing>\n<\/item>/,
      );
    }
  });
});
