local _0={}
local _1={}
local _2=require
local function require(file,...)
if _1[file]then
return _1[file].value
end
if _0[file]then
local module=_0[file]
local value=nil
if(select("#",...)>0)then value=module(...)else value=module(file)end
_1[file]={value=value}
return value
else
if _2 then
return _2(file)
else
error("module '".. file .."' not found")
end
end
end
_0={
["lualib_bundle"]=function(...)
local function __TS__Class(self)
local c={prototype={}}
c.prototype.__index=c.prototype
c.prototype.constructor=c
return c
end
local function __TS__New(target,...)
local instance=setmetatable({},target.prototype)
instance:____constructor(...)
return instance
end
local function __TS__ObjectAssign(target,...)
local sources={...}
for i=1,#sources do
local source=sources[i]
if type(source)=="table"then
for key in pairs(source)do
target[key]=source[key]
end
end
end
return target
end
return{
__TS__Class=__TS__Class,
__TS__New=__TS__New,
__TS__ObjectAssign=__TS__ObjectAssign
}
end,
["options"]=function(...)
local _3={}
return _3
end,
["screen"]=function(...)
local _3={}
function _3.inColour(c,draw)
local old=term.getTextColour()
if term.isColour()then
term.setTextColour(c)
end
draw()
term.setTextColour(old)
end
function _3.fit(line,width)
return#line>width and string.sub(line,1,width-2)..".."or line
end
function _3.printIn(c,text)
local w=term.getSize()
_3.inColour(
c,
function()
print(_3.fit(text,w))
end
)
end
local overlay
function _3.setOverlay(takeDown)
overlay=takeDown
end
function _3.clearOverlay()
if overlay~=nil then
overlay()
end
end
return _3
end,
["dialogs"]=function(...)
local _3={}
local ai=require("libai")
local _4=require("screen")
local fit=_4.fit
local inColour=_4.inColour
local printIn=_4.printIn
local function pickKey(allowed)
while true do
local ____,ch=os.pullEvent("char")
local c=string.lower(tostring(ch))
if#c==1 and(string.find(allowed,c,1,true))~=nil then
return c
end
end
end
local function firstString(t,keys)
for ____,k in ipairs(keys)do
if type(t[k])=="string"then
return t[k]
end
end
return nil
end
function _3.describeTool(t)
local what=t.title
local input=t.input
if(what==nil or what=="")and input~=nil then
what=firstString(input,{
"description",
"command",
"filePath",
"pattern",
"url"
})
end
return("> ".. t.tool)..(what~=nil and what~=""and": ".. what or"")
end
local function describePermission(req)
local detail=firstString(req.metadata,{"command","description","filepath","filePath"})
if detail==nil and#req.patterns>0 then
detail=table.concat(req.patterns," ")
end
return ai.toCC(req.permission ..(detail~=nil and": ".. detail or""))
end
function _3.askPermission(req)
printIn(
colours.yellow,
"The agent wants to use ".. describePermission(req)
)
local key="n"
inColour(
colours.yellow,
function()
write("[y] once, [a] always, [n] no ")
key=pickKey("yan")
end
)
inColour(
colours.white,
function()
print(key=="y"and"once"or(key=="a"and"always"or"no"))
end
)
return key=="y"and"once"or(key=="a"and"always"or"reject")
end
function _3.askQuestions(req)
local w=term.getSize()
local answers={}
for ____,q in ipairs(req.questions)do
printIn(
colours.yellow,
ai.toCC(q.question)
)
local n=math.min(#q.options,9)
local keys="n"
do
local i=1
while i<=n do
local o=q.options[i]
local about=o.description~=nil and" - ".. ai.toCC(o.description)or""
print(fit(
(((" ".. tostring(i))..") ").. ai.toCC(o.label)).. about,
w
))
keys=keys .. tostring(i)
i=i+1
end
end
write(("[1-".. tostring(n)).."] or [n] no answer ")
local key=pickKey(keys)
if key=="n"then
print("no")
return nil
end
local picked=q.options[tonumber(key)].label
print(ai.toCC(picked))
answers[#answers+1]={picked}
end
return answers
end
return _3
end,
["liveline"]=function(...)
local _5=require("lualib_bundle")
local __TS__Class=_5.__TS__Class
local _3={}
local function rowsOf(text,width)
local rows={}
local row=""
for word in string.gmatch(text,"%S+%s*")do
local w=word
while#w>0 do
local trimmed=string.gsub(w,"%s+$","")
if#row+#trimmed<=width then
row=row .. w
w=""
elseif row~=""then
rows[#rows+1]=row
row=""
else
rows[#rows+1]=string.sub(w,1,width)
w=string.sub(w,width+1)
end
end
end
if row~=""then
rows[#rows+1]=row
end
return rows
end
_3.LiveLine=__TS__Class()
local LiveLine=_3.LiveLine
LiveLine.name="LiveLine"
function LiveLine.prototype.____constructor(self,width)
self.width=width
self.rows=0
end
function LiveLine.prototype.show(self,text,room)
self:clear()
local ____,leading=string.find(text,"^%s*")
local rows=rowsOf(
string.sub(text,leading+1),
self.width
)
if#rows==0 or#rows>room then
return
end
local ____,h=term.getSize()
do
local i=0
while i<#rows do
if i>0 then
local ____,y=term.getCursorPos()
if y<h then
term.setCursorPos(1,y+1)
else
term.scroll(1)
term.setCursorPos(1,h)
end
end
term.write(rows[i+1])
i=i+1
end
end
self.rows=#rows
end
function LiveLine.prototype.clear(self)
if self.rows==0 then
return
end
local ____,y=term.getCursorPos()
local top=y-self.rows+1
do
local r=top
while r<=y do
term.setCursorPos(1,r)
term.clearLine()
r=r+1
end
end
term.setCursorPos(1,top)
self.rows=0
end
return _3
end,
["render"]=function(...)
local _5=require("lualib_bundle")
local __TS__Class=_5.__TS__Class
local __TS__New=_5.__TS__New
local _3={}
local _6=require("liveline")
local LiveLine=_6.LiveLine
local HEADING="4"
local BOLD="1"
local CODE="3"
local QUOTE="8"
local DIM="7"
local LINK="9"
local BULLET=""
local BAR=string.char(149).." "
local function blitOf(c)
local k=0
while 2^k<c do
k=k+1
end
return string.sub("0123456789abcdef",k+1,k+1)
end
local function inline(s,base,strong)
local text={}
local fg={}
local function emit(t,c)
text[#text+1]=t
fg[#fg+1]=string.rep(c,#t)
end
local n=#s
local i=1
local bold=false
local drop=0
while i<=n do
do
local __continue6
repeat
local c=string.sub(s,i,i)
if i==drop then
i=i+1
__continue6=true
break
end
if c=="`"then
local ____,te=string.find(s,"^`+",i)
local cs,ce=string.find(
s,
string.sub(s,i,te),
te+1,
true
)
if cs~=nil then
emit(
string.sub(s,te+1,cs-1),
CODE
)
i=ce+1
__continue6=true
break
end
elseif string.sub(s,i,i+1)=="**"then
if bold or(string.find(s,"**",i+2,true))~=nil then
bold=not bold
i=i+2
__continue6=true
break
end
elseif c=="*"then
local em=string.match(s,"^%*([^%s*][^*]-)%*",i)
if em~=nil and(string.find(em,"%s$"))==nil then
drop=i+#em+1
i=i+1
__continue6=true
break
end
elseif c=="["or c=="!"then
local a,b,label=string.find(s,"^!?%[([^%]]*)%]%([^%s%)]*%)",i)
if a~=nil then
emit(label,LINK)
i=b+1
__continue6=true
break
end
end
local p=string.find(s,"[`*%[!]",i+1)
local e=p==nil and n or p-1
emit(
string.sub(s,i,e),
bold and strong or base
)
i=e+1
__continue6=true
until true
if not __continue6 then
break
end
end
end
return table.concat(text),table.concat(fg)
end
_3.ReplyPrinter=__TS__Class()
local ReplyPrinter=_3.ReplyPrinter
ReplyPrinter.name="ReplyPrinter"
function ReplyPrinter.prototype.____constructor(self,opts)
self.opts=opts
self.pending=""
self.page=0
self.inCode=false
self.started=false
self.blank=false
self.base=blitOf(term.getTextColour())
self.bg=blitOf(term.getBackgroundColour())
self.live=__TS__New(LiveLine,opts.width)
end
function ReplyPrinter.prototype.push(self,delta)
self.pending=self.pending .. delta
while true do
local s=string.find(self.pending,"\n",1,true)
if s==nil then
break
end
local line=string.sub(self.pending,1,s-1)
self.pending=string.sub(self.pending,s+1)
self.live:clear()
self:line(line)
end
if self.pending==""or self.inCode then
return
end
local room=self.opts.paged and self.opts.height-2-self.page or self.opts.height-2
self.live:show(self.pending,room)
end
function ReplyPrinter.prototype.hold(self)
self.live:clear()
end
function ReplyPrinter.prototype.finish(self)
self.live:clear()
if self.pending~=""then
self:line(self.pending)
end
self.pending=""
end
function ReplyPrinter.prototype.line(self,src)
local l=string.gsub(src,"\r","")
l=string.gsub(l,"\t","    ")
local w=self.opts.width
local fence=(string.match(l,"^%s*```"))or(string.match(l,"^%s*~~~"))
if fence~=nil then
self.inCode=not self.inCode
return
end
if self.inCode then
local code=string.sub(l,1,w)
self:emit(
code,
string.rep(CODE,#code)
)
return
end
if(string.find(l,"^%s*$"))~=nil then
self.blank=self.started
return
end
local hashes,heading=string.match(l,"^(#+)%s+(.-)[%s#]*$")
if hashes~=nil and#hashes<=6 then
local t,f=inline(heading,HEADING,HEADING)
self:wrap(t,f,"","")
return
end
if(string.find(l,"^%s*([-*_])%s*%1%s*%1[-*_%s]*$"))~=nil then
self:emit(
string.rep("-",w),
string.rep(DIM,w)
)
return
end
local quote=string.match(l,"^%s*>%s?(.*)$")
if quote~=nil then
local t,f=inline(quote,QUOTE,BOLD)
self:wrap(BAR .. t,(DIM .. DIM).. f,BAR,DIM .. DIM)
return
end
local indent,mark,rest=string.match(l,"^(%s*)([-*+])%s+(.*)$")
if mark~=nil then
mark=BULLET
else
indent,mark,rest=string.match(l,"^(%s*)(%d+[.)])%s+(.*)$")
end
if mark~=nil then
local pad=string.rep(
" ",
math.min(
#indent,
math.floor(w/4)
)
)
local t,f=inline(rest,self.base,BOLD)
local prefix=(pad .. mark).." "
local cont=string.rep(" ",#prefix)
self:wrap(
prefix .. t,
string.rep(self.base,#prefix).. f,
cont,
cont
)
return
end
local t,f=inline(l,self.base,BOLD)
self:wrap(t,f,"","")
end
function ReplyPrinter.prototype.wrap(self,text,fg,cont,contFg)
local w=self.opts.width
local n=#text
local a=1
local i=1
local first=true
local function flush(e)
self:emit(
(first and""or cont).. string.sub(text,a,e),
(first and""or contFg).. string.sub(fg,a,e)
)
first=false
local ____,sp=string.find(text,"^ *",e+1)
a=sp+1
i=a
end
while i<=n do
local avail=first and w or w-#cont
local ____,sp=string.find(text,"^ *",i)
local ____,we=string.find(text,"^[^ ]*",sp+1)
if we-a+1<=avail then
i=we+1
elseif i>a and we-sp<=w-#cont then
flush(i-1)
else
flush(a+avail-1)
end
end
if a<=n or first then
flush(n)
end
end
function ReplyPrinter.prototype.emit(self,text,fg)
local h=self.opts.height
local x=term.getCursorPos()
if x>1 then
self:newline(h)
end
if self.blank then
self.blank=false
self:emit("","")
end
self.started=true
if self.opts.paged and self.page>=h-1 then
local ____,y=term.getCursorPos()
term.write("Press any key to continue")
os.pullEvent("key")
term.clearLine()
term.setCursorPos(1,y)
self.page=0
end
if self.opts.colour then
term.blit(
text,
fg,
string.rep(self.bg,#text)
)
else
term.write(text)
end
self.page=self.page+1
self:newline(h)
end
function ReplyPrinter.prototype.newline(self,h)
local ____,y=term.getCursorPos()
if y<h then
term.setCursorPos(1,y+1)
return
end
term.scroll(1)
term.setCursorPos(1,h)
end
return _3
end,
["settings"]=function(...)
local _3={}
_3.PAGED_SETTING="opencc.paged"
function _3.defineSettings()
settings.define(_3.PAGED_SETTING,{description="Page long replies in ai (wait for a key when a reply fills the screen)",type="boolean",default=true})
end
return _3
end,
["spinner"]=function(...)
local _5=require("lualib_bundle")
local __TS__Class=_5.__TS__Class
local _3={}
local _4=require("screen")
local clearOverlay=_4.clearOverlay
local fit=_4.fit
local inColour=_4.inColour
local FRAMES={"|","/","-","\\"}
local TICK=0.2
_3.Spinner=__TS__Class()
local Spinner=_3.Spinner
Spinner.name="Spinner"
function Spinner.prototype.____constructor(self)
self.shown=false
self.paused=0
self.frame=0
self.started=os.epoch("utc")
self.label=""
end
function Spinner.prototype.draw(self)
if self.paused>0 then
return
end
local x,y=term.getCursorPos()
if x~=1 then
return
end
local w=term.getSize()
local secs=math.floor((os.epoch("utc")-self.started)/1000)
self.frame=self.frame%#FRAMES+1
inColour(
colours.grey,
function()
term.clearLine()
term.write(fit(
(((FRAMES[self.frame].." ").. tostring(secs)).."s")..(self.label~=""and"  ".. self.label or""),
w-1
))
end
)
term.setCursorPos(1,y)
self.shown=true
end
function Spinner.prototype.clear(self)
if not self.shown then
return
end
local ____,y=term.getCursorPos()
term.setCursorPos(1,y)
term.clearLine()
self.shown=false
end
function Spinner.prototype.pause(self)
self:clear()
clearOverlay()
self.paused=self.paused+1
end
function Spinner.prototype.resume(self)
self.paused=self.paused-1
self:draw()
end
function Spinner.prototype.around(self,fn)
self:pause()
fn()
self:resume()
end
function Spinner.prototype.loop(self)
self:draw()
local timer=os.startTimer(TICK)
while true do
local event,id=os.pullEventRaw()
if event=="timer"and id==timer then
self:draw()
timer=os.startTimer(TICK)
end
end
end
return _3
end,
["ask"]=function(...)
local _5=require("lualib_bundle")
local __TS__New=_5.__TS__New
local _3={}
local ai=require("libai")
local _7=require("dialogs")
local askPermission=_7.askPermission
local askQuestions=_7.askQuestions
local describeTool=_7.describeTool
local _8=require("render")
local ReplyPrinter=_8.ReplyPrinter
local _4=require("screen")
local inColour=_4.inColour
local printIn=_4.printIn
local setOverlay=_4.setOverlay
local _9=require("settings")
local PAGED_SETTING=_9.PAGED_SETTING
local _a=require("spinner")
local Spinner=_a.Spinner
local function optionsOf(s)
return{
session=s.session,
newSession=s.newSession,
agent=s.agent,
model=s.model,
variant=s.variant,
sync=s.sync,
system=s.system
}
end
local function callAsk(prompt,opts)
local text,second,err=ai.ask(prompt,opts)
return text~=nil and({ok=true,reply=second})or({ok=false,error=second,err=err})
end
local function guarded(fn)
local result={ok=false,error="no reply"}
local ok,thrown=pcall(function()
result=fn()
end)
if ok then
return result
end
return thrown=="Terminated"and({ok=false,cancelled=true})or({
ok=false,
error=tostring(thrown)
})
end
local function cancelled()
printError("Cancelled")
return{ok=false,cancelled=true}
end
local function showWork(opts,spinner,printer)
opts.onText=function(delta)
spinner:around(function()
printer:push(delta)
end)
end
opts.onTool=function(t)
local running=t.status=="running"or t.status=="pending"
spinner.label=running and t.tool or""
if running then
return
end
local failed=t.status=="error"
spinner:around(function()
printIn(
failed and colours.red or colours.lightGrey,
describeTool(t)..(failed and" (failed)"or"")
)
end)
end
opts.onStatus=function(status)
spinner.label=status
end
opts.onNote=function(note)
spinner:around(function()
inColour(
colours.orange,
function()
print(note)
end
)
end)
end
opts.onPermission=function(req)
local reply="reject"
spinner:around(function()
reply=askPermission(req)
end)
return reply
end
opts.onQuestion=function(req)
local answers
spinner:around(function()
answers=askQuestions(req)
end)
return answers
end
end
local function askPlain(prompt,s)
local result=guarded(function()return callAsk(
prompt,
optionsOf(s)
)end)
if result.cancelled==true then
return cancelled()
end
if result.ok then
print(result.reply.text)
end
return result
end
local warnedPlainHttp=false
function _3.ask(prompt,s)
if not warnedPlainHttp and s.plain~=true then
warnedPlainHttp=true
local warning=ai.plainHttpWarning()
if warning~=nil then
printError(warning)
end
end
if s.plain==true then
return askPlain(prompt,s)
end
local w,h=term.getSize()
local printer=__TS__New(
ReplyPrinter,
{
colour=term.isColour(),
paged=settings.get(PAGED_SETTING)~=false,
width=w,
height=h
}
)
local spinner=__TS__New(Spinner)
setOverlay(function()
printer:hold()
end)
local opts=optionsOf(s)
showWork(opts,spinner,printer)
term.setCursorBlink(false)
local result=guarded(function()
local outcome={ok=false,error="no reply"}
parallel.waitForAny(
function()
outcome=callAsk(prompt,opts)
end,
function()
spinner:loop()
end
)
return outcome
end)
spinner:pause()
local finished=guarded(function()
printer:finish()
return result
end)
setOverlay(nil)
if result.cancelled==true or finished.cancelled==true then
return cancelled()
end
if result.ok and result.reply.text==""then
printIn(colours.lightGrey,"(The agent stopped without a reply.)")
end
return result
end
return _3
end,
["serve"]=function(...)
local _3={}
local ai=require("libai")
local _4=require("screen")
local clearOverlay=_4.clearOverlay
local function line(text,colour,cut)
if cut==nil then
cut=false
end
clearOverlay()
local w=term.getSize()
local x,y=term.getCursorPos()
if x~=1 then
print()
else
term.clearLine()
term.setCursorPos(1,y)
end
local old=term.getTextColour()
if term.isColour()then
term.setTextColour(colour)
end
print(cut and#text>w and string.sub(text,1,w-2)..".."or text)
term.setTextColour(old)
end
function _3.showCall(summary,outcome)
if outcome.refused==true then
line(("> ".. summary).." (refused)",colours.orange,true)
elseif not outcome.ok then
line(("> ".. summary).." (failed)",colours.red,true)
else
line("> ".. summary,colours.lightGrey,true)
end
end
function _3.serveCommand()
local cfg,problem=ai.protect(function()return ai.config()end)
if cfg==nil then
printError(problem)
return false
end
if cfg.bridgeUrl==""then
printError("opencc.bridge_url is not set: set opencc.bridge_url ws://host:4097/cc (ask the server's owner)")
return false
end
local ok,thrown,msg=pcall(function()return ai.serve({
reconnect=true,
onCall=_3.showCall,
onStatus=function(l)
line(l,colours.lightGrey)
end
})end)
if not ok then
if thrown=="Terminated"then
print("Stopped serving.")
return true
end
printError(tostring(thrown))
return false
end
printError(tostring(msg))
return false
end
function _3.withBridge(ask)
local cfg=ai.protect(function()return ai.config()end)
if cfg==nil or cfg.bridgeUrl==""then
return ask()
end
local conn,msg=ai.bridge()
if conn==nil then
line(
"Not serving the bridge: ".. tostring(msg),
colours.orange
)
return ask()
end
local result
parallel.waitForAny(
function()
result=ask(conn:note())
end,
function()
pcall(function()return conn:serve(_3.showCall)end)
while true do
os.pullEventRaw("opencc_bridge_done")
end
end
)
conn:close()
return result
end
return _3
end,
["cache"]=function(...)
local _3={}
local ai=require("libai")
_3.CACHE_FILE="/.opencc_cache"
local fetched=false
local function readCache()
if not fs.exists(_3.CACHE_FILE)then
return nil
end
local f=fs.open(_3.CACHE_FILE,"r")
if not f then
return nil
end
local data=f.readAll()
f.close()
local t=textutils.unserialise(data or"")
local _b
if type(t)=="table"then
_b=t
else
_b=nil
end
return _b
end
function _3.refreshCache(client)
local ok,err=pcall(function()
local c=client or ai.client()
local cache={agents=ai.agents(c)}
local ids={}
for ____,s in ipairs(c:sessions())do
if#ids<30 and s.parentID==nil then
ids[#ids+1]=s.id
end
end
cache.sessions=ids
local mok,models=pcall(ai.models,c)
if mok then
cache.models=models
end
local f=fs.open(_3.CACHE_FILE,"w")
if f then
f.write(textutils.serialise(cache))
f.close()
end
end)
if not ok and err=="Terminated"then
error(err,0)
end
end
function _3.cachedNames(kind)
local cache=readCache()
if cache==nil and not fetched then
fetched=true
_3.refreshCache(ai.client({timeout=3}))
cache=readCache()
end
return cache and cache[kind]or({})
end
return _3
end,
["sessions"]=function(...)
local _3={}
local ai=require("libai")
local _4=require("screen")
local fit=_4.fit
local inColour=_4.inColour
local printIn=_4.printIn
function _3.age(ms)
local s=math.max(
0,
math.floor((os.epoch("utc")-ms)/1000)
)
if s<60 then
return"now"
end
if s<3600 then
return tostring(math.floor(s/60)).."m"
end
if s<86400 then
return tostring(math.floor(s/3600)).."h"
end
if s<86400*14 then
return tostring(math.floor(s/86400)).."d"
end
return tostring(math.floor(s/604800)).."w"
end
local function pad(s,n)
return#s>=n and s or s .. string.rep(" ",n-#s)
end
function _3.printSessions(list,current)
local w,h=term.getSize()
if#list==0 then
print("No sessions yet: ask something (ai <prompt>) to start one.")
return 0
end
local top={}
for ____,s in ipairs(list)do
if s.parentID==nil then
top[#top+1]=s
end
end
local twoLines=w<44
local perSession=twoLines and 1+math.ceil(31/w)or 1
local room=math.max(
1,
math.floor((h-2)/perSession)
)
local shown=math.min(#top,#top>room and room-1 or room)
do
local i=0
while i<math.max(shown,1)and i<#top do
local s=top[i+1]
local mark=s.id==current and"*"or" "
local title=s.title~=nil and s.title~=""and ai.toCC(s.title)or"(untitled)"
local idColour=s.id==current and colours.lime or colours.yellow
if twoLines then
inColour(
idColour,
function()
print(mark .. s.id)
end
)
print(fit(
(("  ".. pad(
_3.age(s.time.updated),
4
)).." ").. title,
w
))
else
inColour(
idColour,
function()return write((mark .. s.id).." ")end
)
inColour(
colours.lightGrey,
function()return write(pad(
_3.age(s.time.updated),
4
).." ")end
)
print(fit(title,w-#s.id-7))
end
i=i+1
end
end
if#top>shown then
printIn(
colours.lightGrey,
("(".. tostring(#top-shown)).." older not shown)"
)
end
return#top
end
return _3
end,
["commands"]=function(...)
local _5=require("lualib_bundle")
local __TS__ObjectAssign=_5.__TS__ObjectAssign
local _3={}
local ai=require("libai")
local _c=require("ask")
local ask=_c.ask
local _d=require("serve")
local withBridge=_d.withBridge
local _e=require("cache")
local refreshCache=_e.refreshCache
local _4=require("screen")
local inColour=_4.inColour
local _f=require("sessions")
local printSessions=_f.printSessions
_3.VERSION="0.1.0"
local function withClient(fn)
local result,msg=ai.protect(function()return fn(ai.client())end)
if msg~=nil then
printError(msg)
return nil
end
return result
end
function _3.updateCompletion()
pcall(function()
refreshCache()
end)
end
function _3.keptPrompt(typed)
inColour(
colours.lightGrey,
function()
print("Your prompt was kept: ai ".. typed)
end
)
end
function _3.askOnce(o)
local outcome=withBridge(function(system)return ask(
o.text,
__TS__ObjectAssign({},o,{system=system})
)end)
if outcome.ok then
return true
end
if outcome.cancelled==true then
return false
end
printError(outcome.error or"No reply")
if not o.plain then
_3.keptPrompt(o.typed)
end
return false
end
function _3.listSessions(o)
local list=withClient(function(c)return c:sessions()end)
if list==nil then
return false
end
printSessions(
list,
ai.sessionInUse(o.session)
)
_3.updateCompletion()
return true
end
function _3.deleteSession(id)
if(string.find(id,"^ses_"))==nil then
printError(("\"".. id).."\" is not a session id: ai --sessions lists them (ses_...)")
return false
end
if withClient(function(c)return c:deleteSession(id)end)==nil then
return false
end
ai.forgetConversation(id)
print("Deleted ".. id)
return true
end
function _3.abortSession(o)
local id=ai.sessionInUse(o.session)
if id==nil then
printError("No conversation to stop: this computer has none yet (use -s <id> for another session).")
return false
end
if withClient(function(c)return c:abort(id)end)==nil then
return false
end
print("Stopped ".. id)
return true
end
function _3.showVersion()
local bridge,missing=ai.bridgeVersion()
if bridge~=nil then
print(((((("ai ".. _3.VERSION).." (libai ").. ai.version)..", libai_bridge ").. bridge)..")")
else
print(((("ai ".. _3.VERSION).." (libai ").. ai.version)..")")
print(missing)
end
return true
end
function _3.tuiControl(o,action)
if(action=="toast"or action=="append"or action=="command")and o.text==""then
printError(((((("--".. action).." needs a value: ai --").. action).." <")..(action=="command"and"name"or"text"))..">")
return false
end
local done=withClient(function(c)
if action=="toast"then
return c:showToast(o.text)
end
if action=="append"then
return c:appendPrompt(o.text)
end
if action=="submit"then
return c:submitPrompt()
end
if action=="clear"then
return c:clearPrompt()
end
return c:executeCommand(o.text)
end)
if done==nil then
return false
end
if not done then
printError("The server did not pass it on: is a TUI attached to it (opencode attach)?")
return false
end
print((string.upper(string.sub(action,1,1)).. string.sub(action,2)).." sent (shown if a TUI is attached)")
return true
end
return _3
end,
["chat"]=function(...)
local _5=require("lualib_bundle")
local __TS__ObjectAssign=_5.__TS__ObjectAssign
local _3={}
local info,showHelp,COMMANDS
local _g=require("cc.completion")
local choice=_g.choice
local ai=require("libai")
local _c=require("ask")
local ask=_c.ask
local _d=require("serve")
local withBridge=_d.withBridge
local _e=require("cache")
local cachedNames=_e.cachedNames
local _h=require("commands")
local updateCompletion=_h.updateCompletion
local _4=require("screen")
local inColour=_4.inColour
local printIn=_4.printIn
local _f=require("sessions")
local printSessions=_f.printSessions
function info(text)
printIn(colours.lightGrey,text)
end
function showHelp()
for ____,c in ipairs(COMMANDS)do
local head=table.concat(c.names,", ")..(c.value~=nil and" ".. c.value or"")
info((head .. string.rep(
" ",
math.max(1,16-#head)
)).. c.help)
end
end
local function sessionOf(st)
local _i
if st.newSession then
_i=nil
else
_i=st.session or st.lastSession or ai.sessionInUse()
end
return _i
end
local function useSession(st,arg)
if(string.find(arg,"^ses_"))==nil then
printError("Usage: /session <id> (ses_...; /sessions lists them)")
return
end
local s,msg=ai.protect(function()return ai.client():session(arg)end)
if s==nil then
printError(msg)
return
end
st.session=s.id
st.newSession=false
info((("Continuing ".. s.id)..": ").. ai.toCC(s.title))
end
local function useModel(st,arg)
if arg~=""and(string.find(arg,"^[^/]+/.+$"))==nil then
printError("Usage: /model <provider/model>, e.g. /model anthropic/claude-sonnet-4")
return
end
st.model=arg~=""and arg or nil
info(st.model~=nil and"Model: ".. st.model or"Model: the default")
end
local function abort(st)
local id=st.session or st.lastSession or ai.sessionInUse()
if id==nil then
printError("No conversation to stop yet.")
return
end
local ____,msg=ai.protect(function()return ai.client():abort(id)end)
if msg~=nil then
printError(msg)
else
info("Stopped ".. id)
end
end
COMMANDS={
{
names={"/new"},
help="start a new conversation",
run=function(st)
st.session=nil
st.lastSession=nil
st.newSession=true
info("Next message starts a new conversation.")
end
},
{
names={"/sessions"},
help="list sessions",
run=function(st)
local list,msg=ai.protect(function()return ai.client():sessions()end)
if list==nil then
printError(msg)
else
printSessions(
list,
sessionOf(st)
)
end
end
},
{
names={"/session"},
value="<id>",
values="sessions",
help="continue that session",
run=useSession
},
{
names={"/agent"},
value="<name>",
values="agents",
help="who answers (/agent alone: default)",
run=function(st,arg)
st.agent=arg~=""and arg or nil
info(st.agent~=nil and"Agent: ".. st.agent or"Agent: the default")
end
},
{
names={"/model"},
value="<p/m>",
values="models",
help="which model (/model alone: default)",
run=useModel
},
{names={"/abort"},help="stop the session's generation",run=abort},
{
names={"/help"},
help="this list",
run=function()
showHelp()
end
},
{
names={"/exit","/quit"},
help="leave (or Ctrl+T)",
run=function()return nil end,
leaves=true
}
}
local function find(name)
for ____,c in ipairs(COMMANDS)do
for ____,n in ipairs(c.names)do
if n==name then
return c
end
end
end
return nil
end
function _3.completeChat(line)
local name,arg=string.match(line,"^(/%a+) +(%S*)$")
if name~=nil then
local _j=find(name)
local values=_j and _j.values
return values~=nil and choice(
arg,
cachedNames(values),
false
)or({})
end
if(string.find(line,"^/%S*$"))==nil then
return{}
end
local names={}
for ____,c in ipairs(COMMANDS)do
names[#names+1]=c.names[1]..(c.value~=nil and" "or"")
end
return choice(line,names,false)
end
local function command(line,st)
local name,arg=string.match(line,"^(/%S+)%s*(.-)%s*$")
local _k
if name~=nil then
_k=find(name)
else
_k=nil
end
local c=_k
if c==nil then
printError(("Unknown command "..(name or line))..": type /help")
return true
end
c.run(st,arg or"")
return c.leaves~=true
end
local function promptLine(st)
local cfg=ai.protect(function()return ai.config()end)
local configured=cfg~=nil and(cfg.agent or"")or""
local agent=st.agent or(configured~=""and configured or"ai")
local id=sessionOf(st)
inColour(
colours.yellow,
function()return write((agent .." ")..(id==nil and"new"or(#id>10 and"..".. string.sub(id,-6)or id)))end
)
inColour(
colours.white,
function()return write("> ")end
)
end
function _3.chat(o)
local st={
session=o.session,
newSession=o.newSession,
agent=o.agent,
model=o.model,
variant=o.variant,
sync=o.sync
}
local history={}
info("Chat with opencode: /help for commands, /exit or Ctrl+T to leave.")
while true do
do
local __continue44
repeat
promptLine(st)
local ok,line=pcall(function()return read(nil,history,_3.completeChat)end)
if not ok then
print()
return true
end
local text=(string.match(line,"^%s*(.-)%s*$"))or""
if text==""then
__continue44=true
break
end
if history[#history]~=text then
history[#history+1]=text
end
if string.sub(text,1,1)=="/"then
if not command(text,st)then
return true
end
__continue44=true
break
end
local outcome=withBridge(function(system)return ask(
text,
__TS__ObjectAssign({},st,{system=system})
)end)
if outcome.cancelled==true then
return true
end
if outcome.ok then
if st.lastSession==nil then
updateCompletion()
end
st.newSession=false
st.lastSession=outcome.reply.sessionID
else
printError(outcome.error or"No reply")
info("Your prompt is kept: press Up to edit it and try again.")
end
__continue44=true
until true
if not __continue44 then
break
end
end
end
end
return _3
end,
["doctor"]=function(...)
local _3={}
local ai=require("libai")
local _4=require("screen")
local fit=_4.fit
local inColour=_4.inColour
local _9=require("settings")
local PAGED_SETTING=_9.PAGED_SETTING
local function ok(text)
local w=term.getSize()
inColour(
colours.green,
function()return write("ok ")end
)
print(fit(text,w-3))
end
local function failed(text)
printError("FAIL ".. text)
return false
end
local function showSettings()
local w=term.getSize()
local names={}
for ____,n in ipairs(ai.settingNames)do
names[#names+1]=n
end
names[#names+1]=PAGED_SETTING
inColour(
colours.lightGrey,
function()
for ____,name in ipairs(names)do
local value=settings.get(name)
local shown=value==nil and""or tostring(value)
if name=="opencc.server_url"then
shown=string.gsub(shown,"//[^/]*@","//***@")
end
if name=="opencc.password"or name=="opencc.bridge_token"then
shown=shown==""and"(none)"or"********"
elseif type(value)=="string"then
shown=("\"".. shown).."\""
end
print(fit((name .." = ").. shown,w))
end
end
)
end
function _3.doctor(o)
showSettings()
local cfg,msg=ai.protect(function()return ai.config()end)
if cfg==nil then
return failed(msg)
end
ok("settings are valid")
local warning=ai.plainHttpWarning(cfg.url,cfg.password)
if warning~=nil then
printError("warn ".. warning)
end
local allowed,why,err=ai.checkUrl(cfg.url)
if allowed==nil and err.kind=="http_disabled"then
return failed(why)
end
ok("http is enabled")
if allowed==nil then
return failed(why)
end
ok("CC allows ".. cfg.url)
local c=ai.client()
local health,hmsg,herr=ai.protect(function()return c:health()end)
if health==nil then
if herr==nil or herr.kind~="auth"then
return failed(hmsg)
end
ok("the server answers (it wants credentials)")
else
if not health.healthy then
return failed(("The server at ".. cfg.url).." says it is not healthy: look at its log, and restart opencode serve.")
end
ok("server healthy, opencode ".. tostring(health.version))
end
local agents,amsg=ai.protect(function()return c:agents()end)
if agents==nil then
return failed(amsg)
end
ok(cfg.password~=""and"credentials accepted"or"no password needed")
local agent=o.agent or cfg.agent
local model=o.model or cfg.model
local found,unknown,bad=ai.checkNames(c,agent~=""and agent or nil,model~=""and model or nil)
if found==nil then
local setting=bad.kind=="unknown_agent"and"opencc.agent"or"opencc.model"
return failed(((unknown .." (set ").. setting).." to one, or to \"\" for the default)")
end
ok((("agent "..(agent~=""and agent or"(default)"))..", model ")..(model~=""and model or"(default)"))
inColour(
colours.green,
function()
print("All good: try ai hello")
end
)
return true
end
return _3
end,
["flags"]=function(...)
local _3={}
local function isFlag(word)
return string.sub(word,1,1)=="-"and#word>1 and(string.find(word,"^%-%d"))==nil
end
local function find(flags,name)
for ____,f in ipairs(flags)do
for ____,n in ipairs(f.names)do
if n==name then
return f
end
end
for ____,n in ipairs(f.aliases or({}))do
if n==name then
return f
end
end
end
return nil
end
local function actionNames(flags)
local names={}
for ____,f in ipairs(flags)do
if f.run~=nil and f.words~="ignore"then
names[#names+1]=f.names[1]
end
end
return table.concat(names,", ")
end
function _3.parseFlags(flags,args,o)
local out={words={},text=""}
local value
local i=0
while i<#args and isFlag(args[i+1])do
local name=args[i+1]
i=i+1
if name=="--"then
break
end
local long,inline=string.match(name,"^(%-%-[^=]+)=(.*)$")
if long~=nil then
name=long
end
local flag=find(flags,name)
if flag==nil or flag.value==nil and inline~=nil then
out.error="Unknown option ".. name
break
end
local v=inline or""
if flag.value~=nil and inline==nil then
if i>=#args then
out.error=name .." needs a value"
break
end
v=args[i+1]
i=i+1
end
if flag.run~=nil then
if out.action~=nil and out.action~=flag then
out.error=out.error or("Only one of ".. actionNames(flags)).." at a time"
end
out.action=flag
value=flag.value~=nil and v or nil
end
if flag.option~=nil then
o[flag.option]=flag.value~=nil and v or true
end
end
do
local k=i
while k<#args do
local _l=out.words
_l[#_l+1]=args[k+1]
k=k+1
end
end
local action=out.action
if action~=nil and out.error==nil then
local parts=value~=nil and({value})or({})
if action.words=="join"then
for ____,w in ipairs(out.words)do
parts[#parts+1]=w
end
elseif action.words==nil and#out.words>0 then
out.error=action.names[1].." takes no prompt"
end
out.text=table.concat(parts," ")
else
out.text=table.concat(out.words," ")
end
return out
end
function _3.synopsis(f)
return f.names[1]..(f.value~=nil and" ".. f.value or"")
end
function _3.helpLine(f)
local names=table.concat(f.names,", ")..(f.aliases~=nil and", ".. table.concat(f.aliases,", ")or"")
local head=(" ".. names)..(f.value~=nil and" ".. f.value or"")
head=#head<18 and head .. string.rep(" ",18-#head)or head .." "
return head .. f.help
end
function _3.flagNames(flags)
local names={}
for ____,f in ipairs(flags)do
for ____,n in ipairs(f.names)do
names[#names+1]=n
end
end
return names
end
function _3.valuesOf(flags,name)
local _j=find(flags,name)
return _j and _j.values
end
function _3.inPrompt(flags,words)
local k=1
while k<#words do
if words[k+1]=="--"or not isFlag(words[k+1])then
return true
end
local _m=find(flags,words[k+1])
k=k+((_m and _m.value)~=nil and 2 or 1)
end
return false
end
function _3.commandLine(args)
local out={}
for ____,a in ipairs(args)do
out[#out+1]=(string.find(a," ",1,true))~=nil and("\"".. a).."\""or a
end
return table.concat(out," ")
end
return _3
end,
["help"]=function(...)
local _3={}
function _3.helpPage(options)
return table.concat(
{
"ai talks to an opencode agent (opencode serve) from this computer.",
"",
table.concat(options,"\n"),
"",
"Flags come before the prompt; -- ends them. Tab completes flags, agents, models and session ids.",
"",
"Settings (set <name> <value>): opencc.server_url (e.g. http://host:4096), opencc.password, opencc.agent, opencc.model, opencc.session_id, opencc.directory, opencc.paged. ai --doctor checks them. The agent acts through this computer when opencc.bridge_url and opencc.bridge_token name an opencc-bridge; opencc.tools (read, act, lua) says what it may do.",
"",
"Programs can use the library too: local ai = require(\"libai\"); print(ai.ask(\"hello\"))"
},
"\n"
)
end
function _3.printHelp(options)
local ____,y=term.getCursorPos()
textutils.pagedPrint(
("ai - talk to an opencode agent\n".. table.concat(options,"\n")).."\nSettings: set opencc.server_url http://host:4096\nMore: help ai, ai --doctor",
math.max(y-2,0)
)
return true
end
return _3
end,
["args"]=function(...)
local _3={}
local OPTIONS
local _n=require("chat")
local chat=_n.chat
local _h=require("commands")
local abortSession=_h.abortSession
local askOnce=_h.askOnce
local deleteSession=_h.deleteSession
local listSessions=_h.listSessions
local showVersion=_h.showVersion
local tuiControl=_h.tuiControl
local _o=require("doctor")
local doctor=_o.doctor
local _p=require("flags")
local helpLine=_p.helpLine
local parseFlags=_p.parseFlags
local synopsis=_p.synopsis
local _q=require("help")
local helpPage=_q.helpPage
local printHelp=_q.printHelp
local _d=require("serve")
local serveCommand=_d.serveCommand
_3.FLAGS={
{names={"-n","--new"},help="start a new conversation",option="newSession"},
{
names={"-s","--session"},
value="id",
values="sessions",
help="use that session",
option="session"
},
{
names={"-a","--agent"},
value="name",
values="agents",
help="who answers (build, plan, ...)",
option="agent"
},
{
names={"-m","--model"},
value="p/m",
values="models",
help="model as provider/model",
option="model"
},
{names={"--variant"},value="v",help="model variant (e.g. high)",option="variant"},
{names={"--sync"},help="wait on one blocking request",option="sync"},
{names={"--raw"},help="the reply's text only",option="plain"},
{names={"--sessions"},help="list sessions",run=listSessions},
{
names={"--delete"},
value="id",
values="sessions",
help="delete a session",
run=function(o)return deleteSession(o.text)end
},
{names={"--abort"},help="stop the session's generation",run=abortSession},
{names={"--doctor"},help="check settings and the server",run=doctor},
{names={"--serve"},help="let the agent act here (bridge)",run=serveCommand},
{
names={"--toast"},
value="msg",
words="join",
help="send a toast to opencode's TUI",
run=function(o)return tuiControl(o,"toast")end
},
{
names={"--append"},
value="text",
words="join",
help="add text to the TUI's prompt",
run=function(o)return tuiControl(o,"append")end
},
{
names={"--submit"},
help="submit the TUI's prompt",
run=function(o)return tuiControl(o,"submit")end
},
{
names={"--clear"},
help="clear the TUI's prompt",
run=function(o)return tuiControl(o,"clear")end
},
{
names={"--command"},
value="name",
words="join",
help="run a TUI command",
run=function(o)return tuiControl(o,"command")end
},
{
names={"--help"},
aliases={"-h","-?"},
words="ignore",
help="this help",
run=function()return printHelp(OPTIONS)end
},
{
names={"--version"},
aliases={"-v"},
words="ignore",
help="versions of ai and its modules",
run=showVersion
}
}
OPTIONS={"ai <prompt>       ask; the reply is printed","ai                chat (/help there for more)"}
for ____,f in ipairs(_3.FLAGS)do
OPTIONS[#OPTIONS+1]=helpLine(f)
end
_3.HELP_PAGE=helpPage(OPTIONS)
local function fill(pieces,first,indent,width)
local lines={}
local line=first
for ____,p in ipairs(pieces)do
if#line+1+#p>width and line~=first then
lines[#lines+1]=line
line=indent
end
line=(line ..(line==indent and""or" ")).. p
end
lines[#lines+1]=line
return lines
end
function _3.usageLines()
local options={}
local actions={}
for ____,f in ipairs(_3.FLAGS)do
if f.run==nil then
options[#options+1]=("[".. synopsis(f)).."]"
elseif f.words~="ignore"then
actions[#actions+1]=synopsis(f).." |"
end
end
options[#options+1]="<prompt>"
actions[#actions]=string.sub(actions[#actions],1,-3)
local lines={"Usage: ai <prompt>"}
for ____,l in ipairs(fill(options,"       ai","          ",51))do
lines[#lines+1]=l
end
for ____,l in ipairs(fill(actions,"       ai","          ",51))do
lines[#lines+1]=l
end
lines[#lines+1]="       ai  (chat)   ai --help   ai --version"
return lines
end
function _3.parseArgs(args)
local o={
text="",
newSession=false,
sync=false,
plain=false,
typed=""
}
local parsed=parseFlags(_3.FLAGS,args,o)
o.text=parsed.text
o.error=parsed.error
local _r=parsed.action
o.run=_r and _r.run or(#parsed.words>0 and askOnce or chat)
if o.run==chat and o.plain then
o.error=o.error or"--raw needs a prompt"
end
return o
end
return _3
end,
["complete"]=function(...)
local _3={}
local _g=require("cc.completion")
local choice=_g.choice
local _s=require("args")
local FLAGS=_s.FLAGS
local _e=require("cache")
local cachedNames=_e.cachedNames
local _p=require("flags")
local flagNames=_p.flagNames
local inPrompt=_p.inPrompt
local valuesOf=_p.valuesOf
function _3.complete(_shell,_index,partial,previous)
if inPrompt(FLAGS,previous)then
return{}
end
local kind=valuesOf(FLAGS,previous[#previous])
if kind~=nil then
return choice(
partial,
cachedNames(kind),
true
)
end
if string.sub(partial,1,1)=="-"then
return choice(
partial,
flagNames(FLAGS),
true
)
end
return{}
end
return _3
end,
["main"]=function(...)
local _3={}
local _s=require("args")
local parseArgs=_s.parseArgs
local usageLines=_s.usageLines
local _h=require("commands")
local keptPrompt=_h.keptPrompt
local _t=require("complete")
local complete=_t.complete
local _p=require("flags")
local commandLine=_p.commandLine
local _9=require("settings")
local defineSettings=_9.defineSettings
defineSettings()
local function dispatch(args)
local o=parseArgs(args)
o.typed=commandLine(args)
if o.error==nil then
return o.run(o)
end
printError(o.error)
for ____,line in ipairs(usageLines())do
print(line)
end
local words=false
for ____,a in ipairs(args)do
if string.sub(a,1,1)~="-"then
words=true
end
end
if words then
keptPrompt(o.typed)
end
return false
end
function _3.run(...)
local args={...}
if shell~=nil then
shell.setCompletionFunction(
shell.getRunningProgram(),
complete
)
end
if not dispatch(args)then
error("",0)
end
end
return _3
end,
}
local _u=...
if type(_u)=="table"then return require end
return require("main").run(...)
