// Sample articles written for this page (not copied from any site), to show at once what the
// inspector does. Every place, organisation, publication and person named in them is invented.
// Each shows something different a reader meets: a news story copied as text, a web page's HTML,
// a story whose quotes are hard to attribute, and a wiki-style article full of figures.

/** A news story as text copied from a site: menus, byline, quotes, a related link, a copyright line. */
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

/** A local news page's HTML: navigation, share buttons, a photo caption, "Popular posts", a footer. */
const HTML_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Library reopens after flood repairs | The Millbrook Courier</title>
<script>window.trackPageview && window.trackPageview();</script>
</head>
<body>
<header class="masthead">
  <a class="skip-link" href="#story">Skip to content</a>
  <nav class="main-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/what-s-on">What’s on</a> <a href="/subscribe">Subscribe</a></nav>
</header>
<main>
<article id="story">
  <h1>Millbrook library reopens eight months after flood</h1>
  <p class="byline">By Anika Sorensen, Community Reporter</p>
  <p class="timestamp"><time datetime="2025-05-03">3 May 2025</time></p>
  <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email this story</a></div>
  <figure>
    <img src="https://images.millbrook-courier.example/library-reopening.jpg" alt="Children reading at the reopened library">
    <figcaption>Children in the new reading room on Saturday. Photo: Jonas Pike</figcaption>
  </figure>
  <p>MILLBROOK — The town’s central library opened its doors again on Saturday, eight months after burst pipes flooded its ground floor and ruined some 6,000 books.</p>
  <p>About 400 people queued in the rain before the doors opened at 10am. The repairs cost £310,000, most of it paid by the council’s insurer.</p>
  <p>“People kept asking us when they could come back, and the honest answer was that we didn’t know,” said Ruth Adebayo, who has run the library for eleven years. “Today feels like getting the building back from the water.”</p>
  <p>The children’s section has moved upstairs, away from the old pipes. Councillor Martin Kowal, who chairs the council’s culture committee, said the move should have happened years ago.</p>
  <p>Local schools donated more than 1,200 books to refill the shelves. “We read every title before it went out,” said Ella Novak, 11, who helped to sort them. “Some of them twice.”</p>
  <p>The library will open until 8pm on Thursdays from June, Ms Adebayo said.</p>
</article>
<aside class="popular-posts">
  <h2>Popular posts</h2>
  <ul>
    <li><a href="/a">Bypass plan goes to public inquiry</a></li>
    <li><a href="/b">Millbrook Rovers win county cup on penalties</a></li>
    <li><a href="/c">Ten walks to try this spring</a></li>
  </ul>
</aside>
</main>
<footer class="site-footer">
  <p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · <a href="/contact">Contact us</a></p>
  <p class="copyright">© 2025 The Millbrook Courier. All rights reserved.</p>
</footer>
</body>
</html>
`;

/**
 * A diplomatic story: a quote over two paragraphs (no closing mark on the first), speakers named
 * only as "the ambassador" and "she", reported speech, and an opening quote mark never closed.
 */
const HARD_QUOTES = `Envoy warns talks on Kestrel fishing rights are close to collapse
By Daniel Osei, Diplomatic Correspondent
The ambassador of Maranthia to the Northern Isles Council, Ines Calloway, warned on Friday that talks over fishing rights around the Kestrel Islands could fail within weeks.
Speaking to reporters after a closed session in Harwick, the ambassador said both sides had stopped listening to each other.
“We came here with a proposal that gave something to everyone. We offered to cut our own catch by a fifth over three years.
“What we got back was a map with a line drawn through our waters. Nobody can take that home to the harbours and call it a deal.”
She said Maranthia would not walk out first, but added that her government's patience "is not unlimited".
The council's chief negotiator, Pieter Vandermeer, said the ambassador had misread the proposal. “The line on that map is a starting point, not a border,” he said.
Fishing crews in Harwick were less patient. “Every week they talk, we lose another week of the season, said Tomas Reilly, who skippers a trawler out of the port.
According to council figures, the islands' waters supplied 18% of the region's cod last year.
Talks resume on Tuesday.
`;

/** A wiki-style article: citation marks like [3], dates, amounts of money, percentages. */
const WIKI = `Morwen Reservoir
From the Northmoor Encyclopedia, the free regional encyclopedia
Morwen Reservoir is a water-supply reservoir on the River Tessel in the Northmoor hills. It holds 48 million cubic metres of water and supplies about 31% of the drinking water used in the city of Caldbridge.[1]
History
The Caldbridge Water Board first proposed a dam at Morwen in 1928, but the plan was shelved during the Depression.[2] Construction finally began on 3 April 1956 and the reservoir was filled between 1961 and 1963. The project cost £14.6 million, roughly twice the original estimate of £7.2 million.[3]
The village of Low Morwen, home to 212 people in the 1951 census, was flooded by the new lake.[4] Its church tower can still be seen when the water level falls below 60%, most recently in August 2022.[5]
In 1998 the board was merged into Northmoor Water, which has owned the reservoir since.[6] The company's chief engineer, Halima Yusuf, said in 2021 that the dam was "in better condition than most structures half its age".[7]
Recreation
Sailing has been allowed on the reservoir since 1974. The Morwen Sailing Club had 340 members in 2023.[8]
References
1. "Annual water resources report 2023". Northmoor Water. Retrieved 12 January 2024.
2. Pell, Arthur (1979). A History of Caldbridge Water. Caldbridge: Tessel Press. p. 88.
3. "Reservoir bill passes". Caldbridge Evening Star. 15 March 1964.
`;

/** The examples offered by "Try an example", in order: {id, name, what, text}. */
export const EXAMPLES = [
  { id: "sea-wall", name: "Sea wall vote", what: "news text copied from a site: quotes, a byline, menus", text: EXAMPLE },
  { id: "library-html", name: "Library reopens (HTML)", what: "a web page’s HTML: navigation, share buttons, a caption, “Popular posts”", text: HTML_PAGE },
  { id: "fishing-talks", name: "Fishing talks", what: "hard quotes: over two paragraphs, “the ambassador”, “she”, an unclosed quote mark", text: HARD_QUOTES },
  { id: "reservoir-wiki", name: "Reservoir (wiki style)", what: "an encyclopedia article: citation marks, dates, money, percentages", text: WIKI },
];
