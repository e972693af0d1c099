import { PageHeader } from '../../ui/Page';

export function PlanPage() {
  return <PageHeader title="Plan and timeline" />;
}
