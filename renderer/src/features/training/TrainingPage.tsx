import { PageHeader } from '../../ui/Page';

export function TrainingPage() {
  return <PageHeader title="Training" />;
}
