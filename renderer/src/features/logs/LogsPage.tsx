import { PageHeader } from '../../ui/Page';

export function LogsPage() {
  return <PageHeader title="Reflective logs" />;
}
