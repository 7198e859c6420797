import { describe, expect, inject, it } from 'vitest';
import { sectionsOf } from '../../src/content/sections.ts';
import { parseSiteConfig, unusedSectionTags } from '../../src/content/site-config.ts';

const problems = (text: string) => {
  const result = parseSiteConfig(text);
  return result.ok ? [] : result.errors.map(String);
};

describe('content/site.yaml', () => {
  it('ships sections for the seed: لبنان, عربي ودولي, اقتصاد, ثقافة, رياضة, and the seed belongs to one', () => {
    const site = inject('contentSite');
    expect(site.sections.map((s) => s.name)).toEqual(['لبنان', 'عربي ودولي', 'اقتصاد', 'ثقافة', 'رياضة']);
    const [seed] = inject('contentArticles');
    expect(sectionsOf(site.sections, seed?.tags ?? []).map((s) => s.slug)).toEqual(['world']);
  });

  it('reads sections in nav order, with cleaned names and tags', () => {
    const result = parseSiteConfig(
      'sections:\n  - name: " لبنان "\n    slug: lebanon\n    tags: [لبنان, بيروت]\n  - name: رياضة\n    slug: sports\n    tags: [رياضة]\n',
    );
    expect(result).toEqual({
      ok: true,
      config: {
        sections: [
          { slug: 'lebanon', name: 'لبنان', tags: ['لبنان', 'بيروت'] },
          { slug: 'sports', name: 'رياضة', tags: ['رياضة'] },
        ],
      },
    });
  });

  it('names the file, the field and what was expected for every problem at once', () => {
    expect(
      problems(
        [
          'section: x',
          'sections:',
          '  - name: لبنان',
          '    slug: lebanon',
          '    tags: [لبنان]',
          '    colour: red',
          '  - slug: world',
          '    tags: [دولي]',
          '  - name: اقتصاد',
          '    tags: [اقتصاد]',
          '  - name: أيضاً لبنان',
          '    slug: lebanon',
          '    tags: [بيروت, بيروت]',
          '  - name: رياضة',
          '    slug: Sports',
          '    tags: []',
        ].join('\n'),
      ),
    ).toEqual([
      'content/site.yaml: section: unknown field (did you mean "sections"?); allowed: sections',
      'content/site.yaml: sections[0].colour: unknown field; allowed: name, slug, tags',
      'content/site.yaml: sections[1].name: required, expected the Arabic name shown in the nav bar',
      'content/site.yaml: sections[2].slug: required, expected the URL name, e.g. lebanon',
      'content/site.yaml: sections[3].slug: duplicate slug "lebanon": sections[0] already uses it',
      'content/site.yaml: sections[3].tags[1]: duplicate tag "بيروت"',
      'content/site.yaml: sections[4].slug: expected lowercase letters, got "Sports"',
      'content/site.yaml: sections[4].tags: required, expected a non-empty list of article tags, got a list',
    ]);
  });

  it('refuses what is not a list of sections, broken YAML and control characters', () => {
    expect(problems('sections: lebanon')).toEqual([
      'content/site.yaml: sections: expected a list of sections (name, slug, tags), got "lebanon"',
    ]);
    expect(problems('')).toEqual([
      'content/site.yaml: sections: required, expected a list of sections (name, slug, tags)',
    ]);
    expect(problems('sections: [\n')[0]).toMatch(/^content\/site\.yaml: file: invalid YAML \(line \d+, column \d+\)/);
    expect(problems('sections:\n  - name: "لبنان\\u0007"\n    slug: lebanon\n    tags: [لبنان]')[0]).toMatch(
      /^content\/site\.yaml: sections\[0\]\.name: /,
    );
  });

  it('warns, without failing, about section tags no article has yet, in one line', () => {
    const result = parseSiteConfig(
      'sections:\n  - name: لبنان\n    slug: lebanon\n    tags: [لبنان, بيروت, صيدا]\n  - name: رياضة\n    slug: sports\n    tags: [رياضة]\n',
    );
    if (!result.ok) throw new Error('fixture is invalid');
    expect(unusedSectionTags(result.config, new Set(['لبنان']))).toEqual([
      'content/site.yaml: sections: no published article has these tags yet, so their sections gather nothing by them: لبنان (بيروت، صيدا); رياضة (رياضة)',
    ]);
    expect(unusedSectionTags(result.config, new Set(['لبنان', 'بيروت', 'صيدا', 'رياضة']))).toEqual([]);
  });
});
