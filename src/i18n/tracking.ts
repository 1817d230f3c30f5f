// The strings of the outbox indicator (what waits on the device and why), apart from the rest
// of the interface: the indicator loads them only when it has something to say, so pages do not
// carry them. The dictionaries include them, so the kk/ru parity test covers them too.

export const trackingKk = {
  "tracking.unsent": "Жіберілмеген жазбалар: {n}",
  "tracking.offline": "Желі жоқ.",
  "tracking.expired":
    "Сессияңыздың мерзімі бітті. {n} жазбаны жіберу үшін қайта кіріңіз: олар осы құрылғыда сақтаулы.",
  "tracking.expiredNone": "Сессияңыздың мерзімі бітті. Оқу барысыңыз сақталуы үшін қайта кіріңіз.",
  "tracking.signinAgain": "Қайта кіру",
  "tracking.relaunch":
    "LRS бұл іске қосудың рұқсатын қабылдамады (мерзімі өтіп кеткен болуы мүмкін). {n} жазба осы құрылғыда сақтаулы: курсты оқу жүйесінен қайта ашыңыз.",
  "tracking.credential":
    "LRS сайттың кілтін қабылдамады (HTTP 401). {n} жазба осы құрылғыда сақтаулы; әкімшіге хабарласыңыз.",
  "tracking.password":
    "Жазбаларды жіберу үшін алдымен құпиясөзді ауыстырыңыз. {n} жазба осы құрылғыда сақтаулы.",
  "tracking.changePassword": "Құпиясөзді ауыстыру",
  "tracking.forbidden":
    "LRS жазбаларды қабылдамады (HTTP 403). {n} жазба осы құрылғыда сақтаулы, кейін қайта жіберіледі. Себебі: {reason}",
  "tracking.refusedHeld":
    "LRS {n} жазбаны әзірге қабылдамай тұр (HTTP 403); олар кезекте сақтаулы. Себебі: {reason}",
  "tracking.blocked":
    "Сайттың қауіпсіздік саясаты {origin} мекенжайына жазба жіберуге рұқсат бермейді. Жазбалар осы құрылғыда сақтаулы; әкімші бұл мекенжайды ADAL_LRS_ORIGINS баптауына қосуы керек.",
  "tracking.others":
    "Осы құрылғыда басқа пайдаланушының {n} жазбасы сақтаулы. Олар иесі қайта кіргенде жіберіледі.",
  "tracking.rejected": "LRS {n} жазбаны қабылдамады. Олар жоғалған жоқ, осы құрылғыда сақтаулы.",
  "tracking.details": "Толығырақ",
  "tracking.detailsTitle": "Қабылданбаған жазбалар",
  "tracking.reasonTooLarge":
    "Жазба тым үлкен: {size} МБ, ал шек — {limit} МБ. LRS оны ешқашан қабылдамайды: файлға сақтап, әкімшіге беріңіз.",
  "tracking.reasonRefused": "LRS бас тартты (HTTP {status}): {reason}",
  "tracking.save": "Файлға сақтау",
  "tracking.retry": "Қайта жіберу",
  "tracking.discard": "Өшіру",
  "tracking.discardConfirm":
    "Бұл жазбалар осы құрылғыдан біржола өшіріледі. Оларды файлға сақтадыңыз ба?",
  "tracking.close": "Жасыру",
  "tracking.launchInvalid":
    "Мекенжайдағы іске қосу параметрлері қате ({what}), сондықтан ескерілмеді. Курсты оқу жүйесінен қайта ашыңыз.",
} as const;

export const trackingRu: Record<keyof typeof trackingKk, string> = {
  "tracking.unsent": "Неотправленных записей: {n}",
  "tracking.offline": "Нет сети.",
  "tracking.expired":
    "Сеанс истёк. Войдите снова, чтобы отправить записи ({n}): они сохранены на этом устройстве.",
  "tracking.expiredNone": "Сеанс истёк. Войдите снова, чтобы ваш прогресс сохранялся.",
  "tracking.signinAgain": "Войти снова",
  "tracking.relaunch":
    "LRS не принял разрешение этого запуска (возможно, истёк его срок). Записей на этом устройстве: {n}. Откройте курс заново из системы обучения.",
  "tracking.credential":
    "LRS не принял ключ сайта (HTTP 401). Записей на этом устройстве: {n}; обратитесь к администратору.",
  "tracking.password":
    "Чтобы отправить записи, сначала смените пароль. Записей на этом устройстве: {n}.",
  "tracking.changePassword": "Сменить пароль",
  "tracking.forbidden":
    "LRS не принял записи (HTTP 403). Записей на этом устройстве: {n}, они будут отправлены позже. Причина: {reason}",
  "tracking.refusedHeld":
    "LRS пока не принимает записи ({n}, HTTP 403); они остаются в очереди. Причина: {reason}",
  "tracking.blocked":
    "Политика безопасности сайта не разрешает отправлять записи на {origin}. Записи сохранены на этом устройстве; администратор должен добавить этот адрес в настройку ADAL_LRS_ORIGINS.",
  "tracking.others":
    "На этом устройстве хранятся записи другого пользователя: {n}. Они будут отправлены, когда он снова войдёт.",
  "tracking.rejected": "LRS не принял записи: {n}. Они не потеряны и хранятся на этом устройстве.",
  "tracking.details": "Подробнее",
  "tracking.detailsTitle": "Непринятые записи",
  "tracking.reasonTooLarge":
    "Запись слишком большая: {size} МБ при пределе {limit} МБ. LRS никогда её не примет: сохраните её в файл и передайте администратору.",
  "tracking.reasonRefused": "LRS отказал (HTTP {status}): {reason}",
  "tracking.save": "Сохранить в файл",
  "tracking.retry": "Отправить снова",
  "tracking.discard": "Удалить",
  "tracking.discardConfirm":
    "Эти записи будут навсегда удалены с этого устройства. Вы сохранили их в файл?",
  "tracking.close": "Скрыть",
  "tracking.launchInvalid":
    "Параметры запуска в адресе неверны ({what}) и не учтены. Откройте курс заново из системы обучения.",
};
