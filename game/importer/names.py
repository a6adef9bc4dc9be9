"""Word lists the attribution rules lean on: given names (with the pronoun they usually take),
honorifics, speech verbs, and capitalised words that are never a person's name.

A name not in the list is still found when a title ("Dr", "Mr") or a speech verb marks it; the
list only lets the extractor recognise "Rachel Clarke said" or resolve "she" without guessing.
"""

FEMALE = set("""
abigail ada adele agnes aisha alexandra alice alison amanda amber amelia amy andrea angela anita
ann anna anne annie antonia arabella beatrice becky belinda beth bethany beverley brenda bridget
caroline carol carole catherine cathy charlotte chloe christine claire clara clare deborah debbie
diana diane dominique donna dora dorothy eleanor elena eliza elizabeth ella ellie emily emma erin
esther eva eve evelyn fatima felicity fiona florence frances gemma georgia gillian gina grace
hannah harriet hazel heather heidi helen helena holly imogen irene isabel isabella isla jackie
jacqueline jane janet janice jasmine jayne jean jennifer jenny jessica jill joan joanna joanne
josephine joy judith julia julie karen kate katharine katherine kathleen kathryn katie kay keira
kelly kerry kim kirsty laura lauren layla leah lesley linda lisa liz lois lorraine louise lucy
lydia lynn lynne maddie madeleine maggie maria marie marion martha mary maureen maxine megan
melanie michelle mhairi miriam molly monica nadia nadine naomi natalie natasha nia nicola nicole
nina nora norma olivia paula pauline penny philippa poppy priti priya rachel rebecca rose rosie
ruth sally samantha sandra sara sarah sharon sheila shirley siobhan sophie stella stephanie sue
susan suzanne sylvia tamsin tanya teresa theresa tina tracey tracy valerie vanessa victoria
violet wendy yasmin yvette yvonne zoe angharad ffion nicky rosena rushanara diane jess lucy
""".split())

MALE = set("""
aaron adam adrian ahmed alan alastair albert alex alexander alfie ali alistair andrew andy aneurin
angus anthony archie arthur barry ben benjamin bernard bill bob boris brandon brendan brian bruce
callum calvin cameron carl charles charlie chris christopher clive colin connor craig dagan
damian dan daniel danny darren dave david dean declan dennis derek dominic donald douglas duncan
dylan ed eddie edward edwin eric ethan euan ewan frank fraser freddie gareth gary gavin geoffrey
george gerald gordon graham grant greg gregory guy hamish harry harvey hassan hugh hugo iain ian
isaac jack jacob jake james jamie jason jeff jeremy jerome jim jimmy joe joel john jon jonathan
jordan joseph josh joshua julian justin keir keith kenneth kevin kieran kwasi lee leo leon lewis
liam luke malcolm marcus mark martin matt matthew max michael mike mohammed muhammad nathan neil
nick nicholas nigel noah norman oliver oscar owen patrick paul peter phil philip rafael ralph ray
raymond reece rhys richard rishi rob robert robin roger ronald rory ross roy russell ryan sadiq
sam samuel scott sean sebastian shaun simon stanley stefan stephen steve steven stuart ted terry
theo thomas tim timothy toby tom tommy tony trevor tristram vince vincent wes wesley will william
yusuf zac zack ed keir matt wes jeremy
""".split())

# Given names used by both: recognised as names, but they never settle "he" or "she".
EITHER = set("alex sam chris jo jamie robin charlie kim jordan hilary lesley".split())

TITLES_MALE = {"mr", "sir", "lord"}
TITLES_FEMALE = {"ms", "mrs", "miss", "dame", "lady", "baroness"}
TITLES_ANY = {"dr", "prof", "professor", "cllr", "councillor", "councilmember", "councilwoman", "councilman", "mayor",
              "rev", "judge", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "adm", "cmdr"}
TITLES = TITLES_MALE | TITLES_FEMALE | TITLES_ANY


def gender_of_title(title: str) -> str | None:
    """"m" for "Mr" or "Lord", "f" for "Ms" or "Baroness", None for "Dr" or "Sen."."""
    title = title.lower().rstrip(".")
    return "m" if title in TITLES_MALE else "f" if title in TITLES_FEMALE else None

SPEECH_VERBS = (
    "said|says|say|added|adds|told|tells|wrote|writes|warned|warns|claimed|claims|insisted|insists|"
    "argued|argues|explained|explains|continued|continues|stated|states|declared|declares|"
    "admitted|admits|announced|announces|asked|asks|replied|replies|responded|responds|"
    "commented|comments|noted|notes|remarked|stressed|stresses|urged|urges|"
    "acknowledged|suggested|suggests|conceded|concedes|pointed out|points out|"
    "went on|goes on|told reporters|tweeted|recalled|recalls|maintained|maintains|"
    "accused|accuses|agreed|agrees|complained|complains|predicted|predicts|"
    "saying|adding|writing|telling|warning|claiming|insisting|arguing|explaining|asking|"
    "describing|calling|urging|stressing|"
    "concluded|concludes|exhorted|opined|observed|observes|countered|counters|contended|contends|charged|"
    "joked|jokes|quipped|boasted|boasts|vowed|vows|promised|promises|lamented|laments|cautioned|cautions|"
    "emphasized|emphasised|emphasizes|emphasises|reiterated|reiterates|answered|answers|retorted|shouted|"
    "yelled|testified|posted|wondered|mused|reasoned|recounted|confided|assured|reminded|pleaded|declared|"
    "asserted|asserts|reported|blasted|slammed|mocked|scoffed|sniped|fumed|exclaimed|chided|conceded|"
    "noting|declaring|stating|pointing out|recalling|adding that|telling reporters"
)

# Participles: their subject is the subject of the main clause ("he wrote to X, saying: ...").
PARTICIPLES = {
    "saying", "adding", "writing", "telling", "warning", "claiming", "insisting", "arguing",
    "explaining", "asking", "describing", "calling", "urging", "stressing", "noting", "declaring", "stating",
    "pointing out", "recalling", "telling reporters",
}

# Capitalised words that begin no person's name here.
NOT_NAMES = set("""
the a an and but or if in on at of for to from by with as this that these those it its his her
their our my your we they he she i you there here however instead meanwhile yesterday today
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december nhs bma labour conservative conservatives tory
tories government minister ministers health secretary state department royal college colleges
british medical association national service junior doctors doctor sky news press bbc itv lib
dem dems snp green party council house commons lords parliament england scotland wales britain
uk european union eu acas trust trusts hospital hospitals university school schools also
prime chancellor shadow mp mps chairman chairwoman chair chief executive spokesman spokeswoman
spokesperson professor mr mrs ms dr sir dame lord lady mayor councillor cllr judge president
general attorney home foreign office treasury downing street whitehall west east north south
new old great united kingdom city county high court supreme union unite unison times guardian
telegraph huffpost observer mail mirror sun express independent reuters ap afp wire pa
academy francis report ofsted ofqual education children family families community local
national international prof councilmember councilwoman councilman asked pressed speaking
liberal democrat democrats republican republicans plaid cymru ukip
when while although though because after before since until once where whether nor yet so then
now still even only just unlike without
""".split())

# Descriptions that start a sentence before a name ("Islander Ruaridh O'Neill told ...").
DESCRIPTORS = set("""
islander islanders resident residents campaigner pensioner shopkeeper student nurse teacher farmer
midwife veteran mother father parent driver worker owner landlord tenant patient fan supporter
author businessman businesswoman entrepreneur activist volunteer survivor widow grandmother
grandfather commuter passenger villager neighbour chef lawyer solicitor barrister economist
scientist researcher historian analyst novelist broadcaster presenter singer actor actress musician
artist writer poet footballer coach manager boss founder headteacher headmaster headmistress
doctor surgeon consultant paramedic officer constable sergeant inspector detective pilot
""".split())
NOT_NAMES |= DESCRIPTORS

GROUP_SUBJECTS = set("""
they we mps doctors doctors' leaders unions ministers officials campaigners critics teachers
parents residents councillors members nurses colleges ministers groups
""".split())

# Last words of organisations that look like names ("Harlow Estates said").
ORG_WORDS = set("""
Estates Ltd Limited Group Council Association Trust Partners Homes Holdings Company Party Union
Foundation Institute Commission Agency Authority Board Committee College University School
Hospital Services Society Network Alliance Centre Center News Times Post Mail Press Media
Department Office Ministry Bank Fund Energy Water Rail Airways Motors Club Sports Radio
Television Special Match Festival Awards Games Cup League Stadium Park Street Road
""".split())
