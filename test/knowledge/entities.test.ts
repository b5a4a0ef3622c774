/** The entity registry: names found in the markdown resolve to the right service. */
import { EntityRegistry } from '../../src/knowledge/entities';

const registry = new EntityRegistry({
  services: [
    { name: 'AWS Elastic Beanstalk', short: 'Elastic Beanstalk', aliases: ['EB', 'Beanstalk'], vendorRequired: false },
    { name: 'Amazon EBS', short: 'EBS', aliases: ['Elastic Block Store'], vendorRequired: false },
  ],
  outOfScope: [],
  facets: {},
  synonyms: {},
  domainWords: [],
  vendors: ['AWS', 'Amazon'],
});

describe('EntityRegistry.resolve', () => {
  it('matches a short name letter for letter: "EBS" is not "EB" plus a plural', () => {
    expect(registry.resolve('EBS')?.name).toBe('Amazon EBS');
    expect(registry.resolve('EB')?.name).toBe('AWS Elastic Beanstalk');
    expect(registry.resolve('Amazon EBS')?.name).toBe('Amazon EBS');
  });

  it('still matches longer names through their stems', () => {
    expect(registry.resolve('Elastic Block Stores')?.name).toBe('Amazon EBS');
    expect(registry.resolve('AWS Elastic Beanstalk (PaaS)')?.name).toBe('AWS Elastic Beanstalk');
  });

  it('resolves no unknown short name', () => {
    expect(registry.resolve('EBX')).toBeUndefined();
  });
});
