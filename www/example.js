// A short, fictional article written for this page, to show what the inspector does.
// Port Ellis, its council, its gazette and everyone named here are invented.
export const EXAMPLE = `Skip to main content
Home | News | Local | Business | Weather | Sport
Port Ellis votes to rebuild sea wall after January storm
By Elena Marsh, Coastal Affairs Reporter
Published 14 March 2025
PORT ELLIS — The town council of Port Ellis voted 7-2 on Tuesday night to spend £4.2 million rebuilding the sea wall that collapsed in January's storm, ending weeks of argument over who should pay.
“We cannot ask families on Quay Street to live behind sandbags for another winter,” said Mayor Helen Okafor, who proposed the plan. “This is the cheapest option we will ever be offered.”
The wall gave way on 9 January, flooding 140 homes and the lifeboat station. The Northshore Flood Authority put the damage at £11 million.
Councillor David Reyes, one of the two members who voted against, told the Port Ellis Gazette that the town was “borrowing against its future”. He said the council should have waited for a national grant.
Priya Nair, the marine engineer who surveyed the site for the council, said the old wall had been “patched, not repaired, for thirty years”.
She said: “If nothing is done before October, the next spring tide will go straight into the high street.”
Residents at the meeting applauded the vote. “I've lived here 52 years and never seen water like it,” said Margaret Boyle, a retired teacher.
Work is due to start in May and finish by December, according to a council statement. About 35% of the cost will come from the county's emergency fund.
Related stories
Lifeboat crew rescue 12 from flooded caravan park
Share this article: Facebook | Email | Copy link
© 2025 Port Ellis Gazette. All rights reserved.
`;
