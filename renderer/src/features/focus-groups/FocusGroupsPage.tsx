import { PageHeader } from '../../ui/Page';

export function FocusGroupsPage() {
  return <PageHeader title="Focus groups" />;
}
