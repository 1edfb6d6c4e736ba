/**
 * Chinese → English words common in Midjourney prompts, for the offline `/translate` stand-in
 * (see translate.ts). Grouped by kind so a missing word is easy to add. Each entry is
 * `中文=english`, entries separated by `|`. An English side left empty drops the word (grammar
 * particles such as 的 that English says by word order).
 */

const SUBJECTS =
  '人=person|男人=man|女人=woman|男孩=boy|女孩=girl|少女=young girl|少年=young boy|孩子=child|' +
  '小孩=child|婴儿=baby|老人=old man|老奶奶=old woman|老爷爷=old man|美女=beautiful woman|' +
  '帅哥=handsome man|公主=princess|王子=prince|国王=king|女王=queen|骑士=knight|武士=samurai|' +
  '忍者=ninja|战士=warrior|士兵=soldier|巫师=wizard|女巫=witch|精灵=elf|仙女=fairy|天使=angel|' +
  '恶魔=demon|魔鬼=devil|神=god|女神=goddess|龙=dragon|凤凰=phoenix|独角兽=unicorn|' +
  '机器人=robot|机甲=mecha|宇航员=astronaut|外星人=alien|怪物=monster|僵尸=zombie|吸血鬼=vampire|' +
  '美人鱼=mermaid|海盗=pirate|侦探=detective|医生=doctor|厨师=chef|画家=painter|音乐家=musician|' +
  '猫=cat|小猫=kitten|狗=dog|小狗=puppy|狐狸=fox|狼=wolf|熊=bear|熊猫=panda|老虎=tiger|狮子=lion|' +
  '豹=leopard|大象=elephant|马=horse|鹿=deer|兔子=rabbit|松鼠=squirrel|猴子=monkey|猫头鹰=owl|' +
  '鸟=bird|老鹰=eagle|鹰=eagle|乌鸦=crow|天鹅=swan|孔雀=peacock|鹦鹉=parrot|企鹅=penguin|' +
  '蝴蝶=butterfly|蜜蜂=bee|鱼=fish|金鱼=goldfish|鲸鱼=whale|鲸=whale|海豚=dolphin|鲨鱼=shark|' +
  '章鱼=octopus|水母=jellyfish|乌龟=turtle|蛇=snake|青蛙=frog|恐龙=dinosaur|' +
  '花=flower|花朵=flowers|玫瑰=rose|樱花=cherry blossoms|莲花=lotus|荷花=lotus|向日葵=sunflower|' +
  '郁金香=tulip|菊花=chrysanthemum|牡丹=peony|薰衣草=lavender|树=tree|树木=trees|松树=pine tree|' +
  '竹子=bamboo|草=grass|草地=meadow|森林=forest|树林=woods|丛林=jungle|叶子=leaves|落叶=fallen leaves|' +
  '山=mountain|山脉=mountains|高山=high mountains|雪山=snowy mountains|火山=volcano|山谷=valley|' +
  '峡谷=canyon|悬崖=cliff|河=river|河流=river|湖=lake|湖泊=lake|海=sea|大海=sea|海洋=ocean|' +
  '海边=seaside|海滩=beach|沙滩=beach|岛=island|岛屿=island|瀑布=waterfall|沙漠=desert|' +
  '冰川=glacier|草原=grassland|田野=fields|花园=garden|公园=park|天空=sky|云=clouds|云朵=clouds|' +
  '太阳=sun|月亮=moon|星星=stars|星空=starry sky|银河=milky way|宇宙=universe|星球=planet|' +
  '星云=nebula|彩虹=rainbow|雨=rain|雪=snow|雾=fog|薄雾=mist|闪电=lightning|风暴=storm|火=fire|' +
  '火焰=flames|水=water|冰=ice|城市=city|城堡=castle|宫殿=palace|寺庙=temple|教堂=church|' +
  '塔=tower|桥=bridge|街道=street|小巷=alley|房子=house|小屋=cottage|村庄=village|废墟=ruins|' +
  '摩天大楼=skyscraper|建筑=architecture|房间=room|卧室=bedroom|厨房=kitchen|咖啡馆=cafe|' +
  '图书馆=library|窗户=window|门=door|车=car|汽车=car|跑车=sports car|摩托车=motorcycle|' +
  '自行车=bicycle|火车=train|飞机=airplane|船=boat|帆船=sailboat|宇宙飞船=spaceship|飞船=spaceship|' +
  '桌子=table|椅子=chair|书=book|灯笼=lantern|蜡烛=candle|镜子=mirror|剑=sword|王冠=crown|' +
  '面具=mask|翅膀=wings|眼睛=eyes|脸=face|头发=hair|长发=long hair|短发=short hair|微笑=smile|' +
  '裙子=dress|连衣裙=dress|汉服=hanfu|和服=kimono|盔甲=armor|帽子=hat|咖啡=coffee|茶=tea|' +
  '蛋糕=cake|水果=fruit|苹果=apple|金币=gold coins|宝石=gemstone|钻石=diamond|水晶=crystal|';

const STYLES =
  '写实=realistic|超写实=hyperrealistic|照片=photo|摄影=photography|真实=realistic|插画=illustration|' +
  '插图=illustration|油画=oil painting|水彩=watercolor|水彩画=watercolor painting|水墨=ink wash|' +
  '水墨画=ink wash painting|国画=traditional Chinese painting|素描=sketch|铅笔画=pencil drawing|' +
  '线稿=line art|版画=woodcut print|浮世绘=ukiyo-e|漫画=comic|动漫=anime|动画=animation|' +
  '卡通=cartoon|二次元=anime style|像素=pixel|像素艺术=pixel art|三维=3D|3D渲染=3D render|渲染=render|' +
  '概念艺术=concept art|概念图=concept art|数字艺术=digital art|数字绘画=digital painting|' +
  '赛博朋克=cyberpunk|蒸汽朋克=steampunk|朋克=punk|科幻=sci-fi|奇幻=fantasy|魔幻=magical|' +
  '童话=fairy tale|梦幻=dreamy|超现实=surreal|超现实主义=surrealism|极简=minimalist|' +
  '极简主义=minimalism|抽象=abstract|复古=retro|古典=classical|古风=ancient Chinese style|' +
  '中国风=Chinese style|日式=Japanese style|未来=futuristic|未来主义=futurism|哥特=gothic|' +
  '哥特式=gothic|巴洛克=baroque|洛可可=rococo|印象派=impressionism|表现主义=expressionism|' +
  '立体主义=cubism|波普艺术=pop art|新艺术运动=art nouveau|装饰艺术=art deco|文艺复兴=renaissance|' +
  '浪漫主义=romanticism|现实主义=realism|点彩=pointillism|包豪斯=bauhaus|蒸汽波=vaporwave|' +
  '低多边形=low poly|等距=isometric|黏土=claymation|剪纸=paper cut|折纸=origami|雕塑=sculpture|' +
  '海报=poster|封面=cover art|壁纸=wallpaper|电影=cinematic|电影感=cinematic|史诗=epic|' +
  '宏伟=grand|精致=exquisite|精美=exquisite|精细=intricate|细节=details|高细节=highly detailed|' +
  '细节丰富=highly detailed|无暇=flawless|无瑕=flawless|完美=perfect|杰作=masterpiece|' +
  '高清=high definition|超高清=ultra high definition|高质量=high quality|最佳质量=best quality|' +
  '可爱=cute|美丽=beautiful|漂亮=beautiful|优雅=elegant|华丽=gorgeous|神秘=mysterious|' +
  '恐怖=horror|黑暗=dark|阴暗=gloomy|温馨=cozy|宁静=serene|安静=quiet|孤独=lonely|浪漫=romantic|' +
  '悲伤=sad|快乐=happy|愤怒=angry|神圣=holy|古老=ancient|现代=modern|巨大=giant|微小=tiny|' +
  '小=small|大=big|高=tall|老=old|新=new|年轻=young|长=long|短=short|圆=round|柔软=soft|' +
  '透明=transparent|发光=glowing|闪亮=shiny|闪闪发光=sparkling|毛茸茸=fluffy|飞翔=flying|' +
  '飞=flying|奔跑=running|跳舞=dancing|坐在=sitting on|坐着=sitting|站着=standing|站在=standing on|' +
  '走在=walking on|看着=looking at|拿着=holding|漂浮=floating|燃烧=burning|睡觉=sleeping|' +
  '弹钢琴=playing piano|钢琴=piano|吉他=guitar|阅读=reading|';

const LIGHT_COLOUR =
  '光=light|灯光=lighting|光线=light|光影=light and shadow|阳光=sunlight|月光=moonlight|' +
  '星光=starlight|烛光=candlelight|霓虹=neon|霓虹灯=neon lights|逆光=backlight|背光=backlit|' +
  '侧光=side lighting|柔光=soft light|柔和的光=soft light|硬光=hard light|自然光=natural light|' +
  '体积光=volumetric lighting|丁达尔效应=tyndall effect|边缘光=rim light|轮廓光=rim light|' +
  '电影灯光=cinematic lighting|影棚灯光=studio lighting|黄金时刻=golden hour|蓝调时刻=blue hour|' +
  '日出=sunrise|日落=sunset|黄昏=dusk|黎明=dawn|清晨=early morning|早晨=morning|中午=noon|' +
  '下午=afternoon|傍晚=evening|夜晚=night|夜=night|午夜=midnight|阴影=shadows|剪影=silhouette|' +
  '明亮=bright|昏暗=dim|高对比=high contrast|低对比=low contrast|色彩=colors|颜色=color|' +
  '鲜艳=vivid|鲜艳的色彩=vivid colors|柔和=soft|淡雅=pastel|马卡龙色=pastel colors|单色=monochrome|' +
  '黑白=black and white|彩色=colorful|五彩缤纷=colorful|暖色调=warm tones|冷色调=cool tones|' +
  '红=red|红色=red|橙=orange|橙色=orange|黄=yellow|黄色=yellow|绿=green|绿色=green|蓝=blue|' +
  '蓝色=blue|青色=cyan|紫=purple|紫色=purple|粉=pink|粉色=pink|粉红色=pink|白=white|白色=white|' +
  '洁白=pure white|雪白=snow white|黑=black|黑色=black|灰=gray|灰色=gray|棕色=brown|褐色=brown|' +
  '金=gold|金色=golden|银=silver|银色=silver|米色=beige|天蓝色=sky blue|深蓝=dark blue|' +
  '深蓝色=dark blue|浅蓝色=light blue|深红色=crimson|酒红色=burgundy|翠绿=emerald green|' +
  '薄荷绿=mint green|青绿色=teal|珊瑚色=coral|';

const CAMERA =
  '特写=close-up|大特写=extreme close-up|近景=close shot|中景=medium shot|远景=long shot|' +
  '全景=panoramic view|全身=full body|半身=half body|肖像=portrait|人像=portrait|头像=headshot|' +
  '俯视=top-down view|俯拍=high angle shot|仰视=low angle view|仰拍=low angle shot|侧面=side view|' +
  '正面=front view|背面=back view|鸟瞰=bird\u2019s-eye view|航拍=aerial photography|广角=wide angle|' +
  '超广角=ultra wide angle|长焦=telephoto|微距=macro|鱼眼=fisheye|景深=depth of field|' +
  '浅景深=shallow depth of field|背景虚化=bokeh|散景=bokeh|焦外=bokeh|胶片=film|胶片摄影=film photography|' +
  '拍立得=polaroid|单反=DSLR|镜头=lens|构图=composition|对称=symmetrical|居中=centered|' +
  '三分法=rule of thirds|动态模糊=motion blur|长曝光=long exposure|双重曝光=double exposure|' +
  '颗粒感=film grain|高动态范围=HDR|街拍=street photography|风景=landscape|风景画=landscape painting|' +
  '静物=still life|背景=background|前景=foreground|纯色背景=plain background|白色背景=white background|';

const GRAMMAR =
  '的=|地=|得=|了=|着=|和=and|与=and|及=and|或=or|在=in|于=at|上=|里=|中=|下=under|' +
  '旁边=beside|前面=in front of|后面=behind|之间=between|周围=around|一只=a|一个=a|一位=a|' +
  '一座=a|一条=a|一片=a|一朵=a|一棵=a|一群=a group of|很多=many|许多=many|两只=two|三只=three|' +
  '非常=very|很=very|超级=super|有=with|带着=with|穿着=wearing|戴着=wearing|风格=style|' +
  '风格的=style|主义=-ism|';

/** The glossary as a map, longest keys first when matching (see translate.ts). */
export const GLOSSARY: ReadonlyMap<string, string> = new Map(
  [SUBJECTS, STYLES, LIGHT_COLOUR, CAMERA, GRAMMAR]
    .join('')
    .split('|')
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf('=');
      return [entry.slice(0, at), entry.slice(at + 1)] as const;
    }),
);
