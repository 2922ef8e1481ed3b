// Example sentences the benchmark builds its inputs from. Written for the benchmark: a mix of
// warm replies, cold ones that the built-in rules should flag, template placeholders and quoted
// customer text, so every tool parses the same kind of prose a support team writes.
//
// `{{ … }}` placeholders are left in on purpose: Warmly treats them as one word, alex and
// textlint see ordinary punctuation and words, which is what they would see on real templates.

export const en = {
  greetings: [
    'Hi {{ first_name }},',
    'Hello {{ first_name }},',
    'Hey {{ customer.first_name | default: "there" }},',
    'Good morning {{ first_name }},',
    'Dear valued customer,',
    'Dear Sir or Madam,',
    'To whom it may concern,',
    'Hi there,',
  ],
  warm: [
    'Thanks so much for getting in touch about your order.',
    'I am really sorry the parcel arrived damaged, that is not the experience we want for you.',
    'I have already asked the warehouse to send a replacement today, and I will email you the tracking number as soon as I have it.',
    'I have refunded the delivery fee to your card, so you should see it within three working days.',
    'Thank you for letting us know, it helps us fix this for everyone.',
    'I checked your account and I can see exactly what happened.',
    'That was our mistake, and I have corrected the invoice for you.',
    'I will call the courier myself this afternoon and let you know what they say by 5 pm.',
    'You do not need to do anything else, I have taken care of it.',
    'If it is easier, reply to this email and I will pick it up straight away.',
    'I have added a note to your account so nobody asks you to explain this again.',
    'Your new password link is on its way to {{ email }}.',
    'I completely understand why this was frustrating, especially after waiting a week.',
    'I have upgraded your shipping to next-day at no cost.',
    'I set a reminder to check on order {{ order_id }} tomorrow morning.',
    'Great question, the short answer is yes, and here is how it works.',
    'I made the change on your subscription, and it takes effect from your next billing date.',
    'I spoke with our billing team and they confirmed the charge has been reversed.',
    'Thanks for your patience while I looked into this.',
    'I can see the payment went through, and your booking is confirmed for {{ booking_date }}.',
    'I am glad you told us, because this helps us improve the checkout.',
    'Let me know if anything still looks off and I will sort it out.',
    'I have attached the receipt you asked for.',
    'I will keep this ticket open until the replacement reaches you.',
  ],
  cold: [
    'Please be advised that your refund is being processed.',
    "You'll need to contact your bank about the pending charge.",
    'You will need to contact the courier directly to arrange a new delivery.',
    'Unfortunately that is not our department.',
    'As per our policy, we are unable to offer a refund after 30 days.',
    'The courier lost your parcel, so there is nothing we can do.',
    'You should have checked the size guide before ordering.',
    'We will get back to you shortly.',
    'Hopefully we will have an update at some point next week.',
    'We apologise for any inconvenience this may have caused.',
    'It is out of our hands, the system will not let me change it.',
    'You entered the wrong address at checkout.',
    'Nobody else has complained about this product.',
    'There is no need to be rude.',
    'Please calm down so we can look into it.',
    'We would like to inform you that the item is out of stock.',
    'Due to circumstances beyond our control, your order is delayed.',
    'Kindly note that we cannot process requests over the weekend.',
    'Per our terms and conditions, the warranty does not cover this.',
    'I will try to look into it when I get a chance.',
    'Hey guys, that is a crazy amount of orders for one weekend.',
    'The customer should update his or her details in the app.',
    'TODO: add the refund link here before sending.',
    'It is simply a matter of clicking the button, which is really quite easy.',
  ],
  quotes: [
    '> I ordered a blue jacket and got a red one. You need to fix this now.',
    '> Why was I charged twice?? Please be advised I am cancelling.',
    "> The courier said you'll need to contact the bank, which makes no sense.",
    '> Hi, my code {{ discount_code }} does not work at checkout.',
    '> This is the third time I am writing about the same problem.',
  ],
  signoffs: [
    'Best wishes,\n{{ agent_name }}',
    'Warmly,\n{{ agent.first_name }} from the support team',
    'Kind regards,\nCustomer Service',
    'Talk soon,\n{{ agent_name }}',
    'Regards,\nThe Support Team',
  ],
};

export const nl = {
  greetings: ['Hoi {{ first_name }},', 'Beste {{ first_name }},', 'Geachte klant,'],
  warm: [
    'Bedankt dat je ons dit laat weten.',
    'Ik heb je bestelling meteen opnieuw verstuurd.',
    'Het spijt me echt dat dit mis is gegaan, dat was onze fout.',
    'Ik bel de bezorger vandaag zelf en laat je morgen weten wat ze zeggen.',
    'Je krijgt het geld binnen drie werkdagen terug op je rekening.',
  ],
  cold: [
    'Daar gaan wij niet over.',
    'U dient contact op te nemen met uw bank.',
    'Wij betreuren het eventuele ongemak.',
    'Conform ons beleid kunnen wij dit niet vergoeden.',
    'De bezorger heeft uw pakket verkeerd afgeleverd.',
  ],
  quotes: ['> Mijn pakket is nooit aangekomen.', '> Waarom is er twee keer afgeschreven?'],
  signoffs: ['Groetjes,\n{{ agent_name }}', 'Met vriendelijke groet,\nKlantenservice'],
};

export const sv = {
  greetings: ['Hej {{ first_name }}!', 'Hej {{ first_name }},', 'Bästa kund,'],
  warm: [
    'Tack för att du hörde av dig.',
    'Jag har redan skickat en ny vara till dig.',
    'Förlåt, det var vårt fel, och jag har rättat fakturan.',
    'Jag ringer budfirman själv i eftermiddag och hör av mig innan fem.',
    'Pengarna är tillbaka på ditt konto inom tre bankdagar.',
  ],
  cold: [
    'Enligt våra rutiner kan vi inte ändra beställningen.',
    'Vi beklagar eventuella besvär.',
    'Du får kontakta din bank angående det.',
    'Det är inte vårt ansvar.',
    'Budfirman har tappat bort ditt paket.',
  ],
  quotes: ['> Mitt paket kom aldrig fram.', '> Varför har ni dragit pengar två gånger?'],
  signoffs: ['Vänliga hälsningar,\n{{ agent_name }}', 'Hälsningar,\nKundtjänst'],
};

export const nb = {
  greetings: ['Hei {{ first_name }}!', 'Hei {{ first_name }},', 'Kjære kunde,'],
  warm: [
    'Takk for at du tok kontakt med oss.',
    'Jeg har allerede sendt en ny pakke til deg.',
    'Beklager, det var vår feil, og jeg har rettet fakturaen.',
    'Jeg ringer transportøren selv i dag og gir deg beskjed før klokken fem.',
    'Pengene er tilbake på kontoen din innen tre virkedager.',
  ],
  cold: [
    'Vi beklager eventuelle ulemper.',
    'Du må kontakte banken din om dette.',
    'Det er ikke vårt ansvar.',
    'I henhold til våre retningslinjer kan vi ikke refundere.',
    'Transportøren har mistet pakken din.',
  ],
  quotes: ['> Pakken min kom aldri frem.', '> Hvorfor har dere trukket meg to ganger?'],
  signoffs: ['Vennlig hilsen,\n{{ agent_name }}', 'Hilsen,\nKundeservice'],
};

export const ro = {
  greetings: ['Bună {{ first_name }},', 'Salut {{ first_name }},', 'Stimate client,'],
  warm: [
    'Mulțumesc că ne-ai scris.',
    'Ți-am trimis deja un colet nou.',
    'Îmi pare rău, a fost greșeala noastră și am corectat factura.',
    'Sun eu curierul astăzi și îți scriu până la ora cinci.',
    'Banii vor fi înapoi în contul tău în trei zile lucrătoare.',
  ],
  cold: [
    'Vă aducem la cunoștință că rambursarea este în curs.',
    'Conform politicii noastre, nu putem returna banii.',
    'Trebuie să contactați banca dumneavoastră.',
    'Ne cerem scuze pentru eventualele neplăceri.',
    'Curierul a pierdut coletul dumneavoastră.',
  ],
  quotes: ['> Coletul meu nu a ajuns niciodată.', '> De ce mi-ați luat banii de două ori?'],
  signoffs: ['Cu drag,\n{{ agent_name }}', 'Cu stimă,\nEchipa de suport'],
};

export const languages = { en, nl, sv, nb, ro };
