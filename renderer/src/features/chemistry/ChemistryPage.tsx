import { PageHeader } from '../../ui/Page';

export function ChemistryPage() {
  return <PageHeader title="Chemistry meetings" />;
}
