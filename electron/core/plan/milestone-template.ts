/**
 * The default timeline of a reverse-mentoring round on the UK academic calendar, as the Leeds and
 * Northumbria pilots ran it: call for interest in October, chemistry meetings and training before
 * meetings from November to June, then closing interviews and a group reflection.
 */
export function academicYearOf(startDate: string): number {
  const [year, month] = startDate.split('-').map(Number) as [number, number];
  return month >= 8 ? year : year - 1;
}

export function defaultMilestones(startDate: string): { title: string; dueOn: string }[] {
  const y = academicYearOf(startDate);
  const next = y + 1;
  return [
    { title: 'Call for expressions of interest', dueOn: `${y}-10-01` },
    { title: 'Expressions of interest close', dueOn: `${y}-10-21` },
    { title: 'Chemistry meetings held', dueOn: `${y}-10-31` },
    { title: 'Training sessions held', dueOn: `${y}-11-07` },
    { title: 'Pairs confirmed', dueOn: `${y}-11-14` },
    { title: 'First meetings', dueOn: `${y}-11-28` },
    { title: 'Mid-scheme check-in', dueOn: `${next}-02-27` },
    { title: 'Last meetings', dueOn: `${next}-06-12` },
    { title: 'Closing interviews done', dueOn: `${next}-06-26` },
    { title: 'Group reflection', dueOn: `${next}-07-03` },
  ];
}
